/// Counts in words people read: "1 response", "3 responses", "1 line back".
public enum Plural {
    /// `count` and `noun`, the noun with an `s` unless the count is one (or `plural` when given).
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
