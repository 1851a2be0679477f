import ArgumentParser

/// `baton outbox`: messages and control events for the bot platform.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Messages and control events for the bot platform: print them, and acknowledge what was delivered.",
        discussion: """
        At-least-once delivery: `baton outbox` prints pending messages as JSON lines; the consumer sends them \
        and then confirms with `baton outbox ack ID…` (or `--from FILE` with the ids or the printed lines it \
        delivered). A message is printed again until it is acknowledged, so a crash anywhere can repeat one but \
        never lose one. `baton outbox --ack` is the shortcut for a consumer reading a pipe: see its help.
        """,
        subcommands: [OutboxPrintCommand.self, OutboxAckCommand.self],
        defaultSubcommand: OutboxPrintCommand.self)
}
