extension Int {
    /// `value` as an integer, clamped to `Int`'s range instead of trapping; NaN is 0.
    ///
    /// For every conversion of a number that came from input, config or the store (`Int(_:)` traps on
    /// values out of range, and a stored deadline a year in the future must never crash a listing).
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
