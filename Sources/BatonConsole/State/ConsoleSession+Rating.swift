import Foundation
import BatonCore
import BatonStore

/// After resolving, the agent rates the packet they worked from: a picker (1–5 pick at once, Esc skips), then
/// an optional line of what was missing (Enter saves, Esc skips the rating).
extension ConsoleSession {
    /// The rating picker for a thread just resolved, best first.
    func startRating(threadID: String, customer: String) {
        let labels = ["5  had everything I needed", "4  small gaps", "3  some digging needed",
                      "2  missed important facts", "1  I started from scratch"]
        state.modal = .picker(Picker(purpose: .packetRating(threadID: threadID, customer: customer),
                                     title: "Rate the packet of \(customer): 1–5 (Esc skips)",
                                     labels: labels, values: ["5", "4", "3", "2", "1"]))
    }

    /// A digit on the rating picker rates at once; other keys move through the picker as usual.
    func ratingDigit(_ picker: Picker, key: Key) -> Bool {
        guard case .packetRating = picker.purpose, case .character(let character) = key, character.isASCII,
              let digit = character.wholeNumberValue, PacketRating.scale.contains(digit),
              let index = picker.values.firstIndex(of: "\(digit)") else { return false }
        var chosen = picker
        chosen.selected = index
        state.modal = nil
        state.count = nil
        chooseRating(chosen)
        return true
    }

    /// A rating chosen: ask what was missing (optional).
    func chooseRating(_ picker: Picker) {
        guard case .packetRating(let threadID, let customer) = picker.purpose, picker.values.indices.contains(picker.selected),
              let rating = Int(picker.values[picker.selected]) else { return }
        state.modal = .composer(Composer(purpose: .ratingNote(threadID: threadID, rating: rating),
                                         title: "Packet rated \(rating)/5 for \(customer): what was missing? (optional; Enter saves, Esc skips)"))
    }

    /// Saves the rating with its note (nil when none was written).
    @discardableResult
    func saveRating(threadID: String, rating: Int, note: String?) -> Bool {
        act("Packet rated \(rating)/5") { now in
            try store.ratePacket(threadID: threadID, agent: agentID, rating: rating, note: note, now: now)
        }
    }
}
