#include "style/website.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/limits.hpp"
#include "core/utf8.hpp"

namespace leafpress {

namespace {

// Characters no address may hold: spaces of every kind, controls, and the invisible ones that
// change how the text around them is shown (bidi controls, zero widths, a byte order mark).
bool invisible_or_space(char32_t c) {
    return c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD || c == 0x061C || c == 0x1680 ||
           c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

// What an address's path, query or fragment may hold besides letters and digits (RFC 3986's
// unreserved and reserved characters, '%' for escapes); a letter of another script is allowed.
bool path_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

WebAddress problem(std::string problem, std::string hint = "write it as \"https://clinic.example\"") {
    return {{}, false, std::move(problem), std::move(hint)};
}

// A host name: dot-separated labels of letters, digits and '-' (not at a label's ends), at least
// two of them; letters of other scripts are allowed (an internationalised name).
bool host_name_ok(std::string_view host) {
    if (host.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= host.size()) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        const std::string_view label = host.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || static_cast<unsigned char>(c) >= 0x80))
                return false;
        start = end + 1;
    }
    return true;
}

bool ipv6_ok(std::string_view inside) {
    return !inside.empty() && std::all_of(inside.begin(), inside.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
    });
}

}  // namespace

WebAddress web_address(std::string_view written) {
    const std::string quoted = "'" + utf8::shortened(written, 60) + "'";
    if (written.size() > limits::kLinkBytes) return problem("the website is longer than a web address can be");
    if (utf8::find_invalid(written)) return problem("the website is not valid UTF-8 text");
    const utf8::Decoded d = utf8::decode(written);
    for (char32_t c : d.text)
        if (invisible_or_space(c))
            return problem(quoted + " is not a web address: it holds " +
                               (c == ' '    ? std::string("a space")
                                : c == '\n' ? std::string("a line break")
                                            : "an invisible character (" + utf8::codepoint_name(c) + ")"),
                           "a web address has no spaces or line breaks: write it as \"https://clinic.example/page\"");
    // A scheme is letters (then letters, digits, '+', '.', '-') and a colon not followed by a port number.
    std::size_t k = 0;
    while (k < written.size() && (std::isalnum(static_cast<unsigned char>(written[k])) || written[k] == '+' ||
                                  written[k] == '.' || written[k] == '-'))
        ++k;
    const bool has_scheme = k > 0 && std::isalpha(static_cast<unsigned char>(written[0])) && k < written.size() &&
                            written[k] == ':' &&
                            !(k + 1 < written.size() && std::isdigit(static_cast<unsigned char>(written[k + 1])));
    WebAddress out;
    std::string_view rest = written;
    if (has_scheme) {
        std::string scheme(written.substr(0, k));
        std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
        if (scheme != "http" && scheme != "https")
            return problem(quoted + " is not a web address: the website opens with https:// or http://, not " + scheme +
                           ":");
        rest = written.substr(k + 1);
        if (!rest.starts_with("//"))
            return problem(quoted + " is not a web address: " + scheme + ": is followed by //");
        rest.remove_prefix(2);
        out.uri = std::string(written);
    } else {
        out.uri = "https://" + std::string(written);
        out.scheme_added = true;
    }
    const std::string_view authority = rest.substr(0, std::min(rest.find_first_of("/?#"), rest.size()));
    const std::string_view after = rest.substr(authority.size());
    if (authority.find('@') != std::string_view::npos)
        return problem(quoted + " is not a web address people can trust: it has a user name before the site's name ('" +
                           std::string(authority.substr(0, authority.rfind('@') + 1)) + "')",
                       "write only the site's address, such as \"https://clinic.example\"");
    std::string_view host = authority, port;
    if (host.starts_with("[")) {  // an IPv6 address
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos || !ipv6_ok(host.substr(1, close - 1)))
            return problem(quoted + " is not a web address: its IP address is not one");
        port = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!port.empty() && port.front() != ':') return problem(quoted + " is not a web address");
        if (!port.empty()) port.remove_prefix(1);
    } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (port.empty()) return problem(quoted + " is not a web address: it has no port number after ':'");
    }
    if (host.empty()) return problem(quoted + " is not a web address: it has no site name");
    if (!port.empty()) {
        unsigned value = 0;
        const auto r = std::from_chars(port.data(), port.data() + port.size(), value);
        if (r.ec != std::errc() || r.ptr != port.data() + port.size() || value == 0 || value > 65535)
            return problem(quoted + " is not a web address: '" + std::string(port) + "' is not a port number");
    }
    if (!host.starts_with("[") && !host_name_ok(host))
        return problem(quoted + " is not a web address: '" + utf8::shortened(host, 60) + "' is not a site's name",
                       "a site's name is words of letters, digits and '-' joined by dots, such as \"clinic.example\"");
    for (std::size_t i = 0; i < after.size(); ++i) {
        const char c = after[i];
        if (static_cast<unsigned char>(c) >= 0x80 || path_char(c)) {
            if (c == '%' && !(i + 2 < after.size() && std::isxdigit(static_cast<unsigned char>(after[i + 1])) &&
                              std::isxdigit(static_cast<unsigned char>(after[i + 2]))))
                return problem(quoted + " is not a web address: '%' is followed by two hexadecimal digits",
                               "write a '%' in an address as %25");
            continue;
        }
        return problem(quoted + " is not a web address: it holds '" + std::string(1, c) + "'",
                       "write the character as a %-escape, such as %22 for '\"'");
    }
    return out;
}

}  // namespace leafpress
