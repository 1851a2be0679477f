import Foundation

/// The monthly review (`baton review`): a period compared with the one before it, as a list of sections.
///
/// Each section is a table with its charts, so the text, Markdown and JSON forms are written once for all of
/// them, and a new section (such as shadow decisions) is one more `ReviewSection` appended to `sections`.
public struct ReviewReport: Sendable, Equatable, Codable {
    /// The period reviewed, `[start, end)`, and the one before it, `[previousStart, start)`, of the same length.
    public var start: Date
    public var end: Date
    public var previousStart: Date
    public var sections: [ReviewSection]

    public init(start: Date, end: Date, previousStart: Date, sections: [ReviewSection]) {
        self.start = start
        self.end = end
        self.previousStart = previousStart
        self.sections = sections
    }

    /// The section with this id, if present.
    public func section(_ id: String) -> ReviewSection? { sections.first { $0.id == id } }
}

/// One part of the review: a table (columns and rows of text) and bar charts of some of its figures.
public struct ReviewSection: Sendable, Equatable, Codable {
    /// Stable key for scripts: "reasons", "false_escalations", "lowest_scores", ...
    public var id: String
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    public var charts: [ReviewChart]
    /// Said when there is nothing to show, or how to read the section.
    public var note: String?

    public init(id: String, title: String, columns: [String], rows: [[String]], charts: [ReviewChart] = [], note: String? = nil) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.charts = charts
        self.note = note
    }
}

/// A horizontal bar chart: one bar per label, scaled to the largest value.
public struct ReviewChart: Sendable, Equatable, Codable {
    public var title: String
    public var bars: [ReviewBar]

    public init(title: String, bars: [ReviewBar]) {
        self.title = title
        self.bars = bars
    }
}

public struct ReviewBar: Sendable, Equatable, Codable {
    public var label: String
    public var value: Double
    /// The value as shown beside the bar ("12", "4m30", "3.8").
    public var display: String

    public init(label: String, value: Double, display: String) {
        self.label = label
        self.value = value
        self.display = display
    }
}
