import Foundation
import Synchronization

/// The last terminating signal received (SIGINT, SIGTERM, SIGHUP), or 0. An atomic is
/// async-signal-safe, so the handler only stores into it; the console loop polls it.
private let caughtSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the console loop checks, so the terminal is
/// always restored with `endwin` instead of the process dying mid-screen.
enum SignalTrap {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        caughtSignal.store(0, ordering: .relaxed)
        // A parent may hand us a blocked signal mask (thread pools block signals and children inherit
        // the mask); unblock what the console must see so resizes and terminating signals arrive.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for number in signals + [SIGWINCH] { sigaddset(&wanted, number) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for number in signals {
            signal(number) { received in caughtSignal.store(received, ordering: .relaxed) }
        }
    }

    /// Puts the default handlers back.
    static func uninstall() {
        for number in signals { signal(number, SIG_DFL) }
    }

    /// Forgets a signal the console chose not to end on (Ctrl-C while writing asks first).
    static func reset() {
        caughtSignal.store(0, ordering: .relaxed)
    }

    /// The signal received since `install`, if any.
    static var caught: Int32? {
        let value = caughtSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
