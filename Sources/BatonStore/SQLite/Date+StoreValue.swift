import Foundation

extension Date {
    /// The value stored in REAL columns: seconds since Foundation's reference date, so dates round-trip exactly.
    var storeValue: Double { timeIntervalSinceReferenceDate }

    init(storeValue: Double) { self.init(timeIntervalSinceReferenceDate: storeValue) }

    init?(storeValue: Double?) {
        guard let storeValue else { return nil }
        self.init(timeIntervalSinceReferenceDate: storeValue)
    }
}
