extension BusinessHours {
    /// No day of the week has opening hours: the queue is closed at every moment and has no opening to promise.
    public var neverOpens: Bool {
        (1...7).allSatisfy { (weekly[$0] ?? []).isEmpty }
    }
}

extension ConfigLoader {
    /// What a config `load` accepted but is almost certainly a mistake, each naming the file and the field
    /// (`queues[1].hours`): a queue whose hours never open, so every customer handed to it is after hours
    /// and told no time. Nothing here stops the config from loading.
    public static func warnings(_ config: BatonConfig, source: String) -> [ConfigError] {
        // `load` keeps the `[[queues]]` in file order; the built-in queues it falls back to are always open.
        config.queues.enumerated().compactMap { index, queue in
            guard queue.hours.neverOpens else { return nil }
            return ConfigError(source: source, key: "queues[\(index)].hours",
                               message: "queue \"\(queue.name)\" never opens: no day has a time range like \"09:00-17:30\", "
                                   + "so every handoff to it is after hours (after_hours = \"\(queue.afterHours.rawValue)\") "
                                   + "and customers are told no opening time")
        }
    }
}
