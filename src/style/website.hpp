// A brand's website, checked before it goes into a link, a QR code and the printed contact
// line: an absolute http(s) address, or a bare host with a path ("clinic.example/leaflets") that
// is given https://. Whitespace, invisible and control characters, another scheme, a user name
// before the host, and a host that is not a name or an IP address are problems, never printed.
#pragma once
#include <string>
#include <string_view>

namespace leafpress {

struct WebAddress {
    std::string uri;            // what a link or QR code opens; empty when there is a problem
    bool scheme_added = false;  // written without one: https:// was put before it
    std::string problem;        // why it is not a web address, for a message
    std::string hint;
};

WebAddress web_address(std::string_view written);

}  // namespace leafpress
