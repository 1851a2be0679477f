// Generated from themes/*.toml; `ThemeTests` checks that each text equals its file. To change a theme,
// edit its file and paste it here (or run the snippet in the test's failure message).

/// The themes shipped inside the binary, so an installed `baton` has colour wherever it runs.
enum BuiltInThemes {
    /// Theme name → TOML text, as in `themes/NAME.toml`.
    static let files: [String: String] = [
        "default-dark": #"""
# Baton console — default dark theme.
# One table per style role: fg / bg are "default" (keep the terminal's own colour), a colour name
# (black, red, green, yellow, blue, magenta, cyan, white, bright-black … bright-white) or 0–255.
# attrs: any of bold, dim, reverse, underline. Roles left out look like [normal].
name = "default-dark"

[normal]
fg = "default"
bg = "default"

[header]
fg = "bright-white"
bg = "blue"
attrs = ["bold"]

[selected]
fg = "black"
bg = "cyan"

[alert]
fg = "bright-red"
bg = "default"
attrs = ["bold"]

[warning]
fg = "yellow"
bg = "default"
attrs = ["bold"]

[positive]
fg = "green"
bg = "default"

[neutral]
fg = "yellow"
bg = "default"

[negative]
fg = "red"
bg = "default"
attrs = ["bold"]

[muted]
fg = "bright-black"
bg = "default"

[accent]
fg = "bright-cyan"
bg = "default"

[banner]
fg = "black"
bg = "yellow"
attrs = ["bold"]
"""#,
        "light": #"""
# Baton console — for light terminal backgrounds. Darker foregrounds, pale highlight.
name = "light"

[normal]
fg = "default"
bg = "default"

[header]
fg = "white"
bg = "blue"
attrs = ["bold"]

[selected]
fg = "black"
bg = 153

[alert]
fg = "red"
bg = "default"
attrs = ["bold"]

[warning]
fg = 130
bg = "default"
attrs = ["bold"]

[positive]
fg = 28
bg = "default"

[neutral]
fg = 136
bg = "default"

[negative]
fg = "red"
bg = "default"
attrs = ["bold"]

[muted]
fg = 244
bg = "default"

[accent]
fg = "blue"
bg = "default"

[banner]
fg = "white"
bg = "magenta"
attrs = ["bold"]
"""#,
        "high-contrast": #"""
# Baton console — high contrast: pure colours, bold text, black background everywhere.
name = "high-contrast"

[normal]
fg = "bright-white"
bg = "black"

[header]
fg = "black"
bg = "bright-white"
attrs = ["bold"]

[selected]
fg = "black"
bg = "bright-yellow"
attrs = ["bold"]

[alert]
fg = "bright-white"
bg = "red"
attrs = ["bold"]

[warning]
fg = "bright-yellow"
bg = "black"
attrs = ["bold", "underline"]

[positive]
fg = "bright-green"
bg = "black"
attrs = ["bold"]

[neutral]
fg = "bright-yellow"
bg = "black"
attrs = ["bold"]

[negative]
fg = "bright-red"
bg = "black"
attrs = ["bold"]

[muted]
fg = "white"
bg = "black"

[accent]
fg = "bright-cyan"
bg = "black"
attrs = ["bold"]

[banner]
fg = "black"
bg = "bright-cyan"
attrs = ["bold"]
"""#,
        "monochrome": #"""
# Baton console — no colours at all, attributes only (also what NO_COLOR gives any theme).
name = "monochrome"

[normal]
fg = "default"
bg = "default"

[header]
attrs = ["bold", "reverse"]

[selected]
attrs = ["reverse"]

[alert]
attrs = ["bold", "underline"]

[warning]
attrs = ["bold"]

[positive]

[neutral]

[negative]
attrs = ["bold"]

[muted]
attrs = ["dim"]

[accent]
attrs = ["bold"]

[banner]
attrs = ["bold", "reverse"]
"""#,
    ]
}
