// A finding printed to a terminal quotes input text with the characters a terminal would act on
// escaped, so that no input can write to the clipboard, clear the screen, retitle the window or
// reorder what the line shows; letters of every script are printed as they are.
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"

using namespace leafpress;

TEST_CASE("diagnostics: control characters in a finding are escaped for the terminal", "[diagnostics]") {
    // OSC 52 (a clipboard write), a screen clear by CSI, C1 CSI (U+009B), DEL, a bidi override
    // and isolate, a byte that is not UTF-8, a newline that would fake a line of its own.
    const std::string input =
        "\x1b]52;c;aGk=\x07 \x1b[2J \xc2\x9b"
        "2J \x7f \xe2\x80\xae"
        "abc\xe2\x81\xa6 \xff x\ny";
    const Diagnostic d{Severity::Warning,
                       "content.unknown-key",
                       {"dir/\x1b]0;title\x07.toml", 3, 2},
                       "unknown key '" + input + "'",
                       "did you mean 'title'?\n    title = \"\x1b[2J\"",
                       1};
    const std::string line = format(d);
    INFO(line);
    CHECK(line.find('\x1b') == std::string::npos);
    CHECK(line.find('\x07') == std::string::npos);
    CHECK(line.find('\x7f') == std::string::npos);
    CHECK(line.find("\xc2\x9b") == std::string::npos);
    CHECK(line.find("\xe2\x80\xae") == std::string::npos);
    CHECK(line.find('\xff') == std::string::npos);
    CHECK(line ==
          "dir/\\u001B]0;title\\u0007.toml:3:2: warning: unknown key '\\u001B]52;c;aGk=\\u0007 \\u001B[2J "
          "\\u009B2J \\u007F \\u202Eabc\\u2066 \\xFF x\\u000Ay' [content.unknown-key]\n"
          "  hint: did you mean 'title'?\n    title = \"\\u001B[2J\"");
}

TEST_CASE("diagnostics: letters of any script, and text that is only text, print as they are", "[diagnostics]") {
    const std::string text = "Lupus: qué es — Волчанка, 狼瘡, ذئبة (تعريف) \xf0\x9f\x98\x80 tab-free";
    const Diagnostic d{Severity::Error, "content.x", {"a.toml", 1, 1}, text, "", 1};
    CHECK(format(d) == "a.toml:1:1: error: " + text + " [content.x]");
    CHECK(terminal_safe(text) == text);
}
