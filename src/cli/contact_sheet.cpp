#include "cli/contact_sheet.hpp"

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/utf8.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// A relative address for a file path: each segment percent-encoded except unreserved bytes.
std::string url_path(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

const char* kStyle = R"(
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 24px; color: #1a1a1a; background: #f4f5f5; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 2px solid #ccd; padding-bottom: 4px; }
p.summary { margin: 0 0 12px; color: #444; }
.cards { display: flex; flex-wrap: wrap; gap: 14px; }
.card { background: #fff; border: 1px solid #d6d9da; border-radius: 6px; padding: 10px; width: 480px; max-width: 100%; box-sizing: border-box; }
.card.failed { border-color: #b3261e; }
.card h3 { font-size: 15px; margin: 0 0 6px; word-break: break-word; }
.thumbs { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.thumbs svg { border: 1px solid #bbb; background: #fff; }
.facts { font-size: 13px; color: #333; }
.status-failed { color: #b3261e; font-weight: bold; }
ul.findings { font-size: 12px; padding-left: 18px; margin: 6px 0 0; }
li.error { color: #b3261e; }
li.warning { color: #7a4f00; }
code { font-size: 11px; background: #eef; padding: 0 3px; }
)";

// The PDF's address from the sheet, as its link and its thumbnails' key give it.
std::string pdf_address(const Job& j, const std::string& out_dir) {
    std::error_code ec;
    const std::string rel = fs::relative(j.output, out_dir, ec).generic_string();
    return utf8::markup_escaped(url_path(ec ? j.output : rel));
}

constexpr std::string_view kThumbsOpen = "<div class=\"thumbs\" data-pdf=\"";
constexpr std::string_view kThumbsClose = "</div>\n";

// The attributes that name a leaflet's thumbnails in the sheet: its PDF's address and the hash
// of its bytes, as the build record keeps it (the thumbnails are never taken back from the sheet:
// see kept_thumbnails.hpp).
std::string thumbs_key(const std::string& address, std::uint64_t pdf_hash) {
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(pdf_hash));
    return address + "\" data-hash=\"" + hash;
}

void card(std::string& h, const Job& j, const std::string& out_dir) {
    const bool failed = j.status == Status::Failed;
    h += std::string("<div class=\"card") + (failed ? " failed" : "") + "\" data-status=\"" + status_name(j.status) +
         "\">\n";
    h += "<h3>" + utf8::markup_escaped(fs::path(j.content).stem().string()) + " &middot; " +
         utf8::markup_escaped(j.layout_name) + "</h3>\n";
    if (!failed) {
        const std::string address = pdf_address(j, out_dir);
        h += kThumbsOpen;
        h += thumbs_key(address, j.pdf_hash) + "\">\n";
        if (j.thumbnail_count > 0) h += j.svg;
        h += kThumbsClose;
        // A booklet's pictures are its sheets' sides, two pages to a side.
        const std::string sides = j.thumbnail_count > 0 && j.thumbnail_count != j.pages
                                      ? " on " + std::to_string(j.thumbnail_count) + " sides"
                                      : "";
        h += "<div class=\"facts\">" + std::to_string(j.pages) + (j.pages == 1 ? " page" : " pages") + sides +
             " &middot; " + human_size(j.bytes) + " &middot; " + status_name(j.status) + " &middot; <a href=\"" +
             address + "\">PDF</a></div>\n";
    } else {
        h += "<div class=\"facts\"><span class=\"status-failed\">not built</span></div>\n";
    }
    if (!j.findings.empty()) {
        h += "<ul class=\"findings\">\n";
        for (const auto& d : j.findings) {
            const bool error = d.severity == Severity::Error;
            h += std::string("<li class=\"") + (error ? "error" : "warning") + "\">" + (error ? "error" : "warning") +
                 ": " + utf8::markup_escaped(d.message) + " <code>" + utf8::markup_escaped(d.code) + "</code>";
            if (d.where.line > 0)
                h += " <span class=\"where\">" + utf8::markup_escaped(fs::path(d.where.file).filename().string()) +
                     ":" + std::to_string(d.where.line) + "</span>";
            h += "</li>\n";
        }
        h += "</ul>\n";
    }
    h += "</div>\n";
}

}  // namespace

std::string contact_sheet(const std::vector<Job>& jobs, const std::vector<Site>& sites, const std::string& out_dir) {
    int built = 0, fresh = 0, failed = 0;
    for (const auto& j : jobs) (j.status == Status::Built ? built : j.status == Status::UpToDate ? fresh : failed)++;
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
        std::string(kSheetPolicy) +
        "\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>leafpress: " +
        std::to_string(jobs.size()) + " leaflets</title>\n<style>" + kStyle +
        "</style>\n</head>\n<body>\n<h1>Leaflets</h1>\n<p class=\"summary\">" + std::to_string(jobs.size()) +
        " leaflets: " + std::to_string(built) + " built, " + std::to_string(fresh) + " up to date, " +
        std::to_string(failed) + " failed.</p>\n";
    for (std::size_t s = 0; s < sites.size(); ++s) {
        const Site& site = sites[s];
        h += "<section class=\"site\" data-site=\"" + utf8::markup_escaped(site.folder) + "\">\n";
        if (sites.size() > 1 || !site.name.empty()) {
            h += "<h2>" + utf8::markup_escaped(site.name.empty() ? site.folder : site.name);
            if (!site.phone.empty()) h += " &middot; " + utf8::markup_escaped(site.phone);
            if (!site.folder.empty()) h += " <code>" + utf8::markup_escaped(site.folder) + "/</code>";
            h += "</h2>\n";
        }
        h += "<div class=\"cards\">\n";
        for (const auto& j : jobs)
            if (j.site == static_cast<int>(s)) card(h, j, out_dir);
        h += "</div>\n</section>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

}  // namespace leafpress
