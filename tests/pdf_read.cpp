#include "pdf_read.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace leafpress::test {
namespace {

using Handle = QPDFObjectHandle;

std::string number(Handle h) {
    if (h.isInteger()) return std::to_string(h.getIntValue());
    if (!h.isReal()) return "?";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", h.getNumericValue());
    return buf;
}

// A value as a reader would name it: names and numbers as they are, strings quoted as UTF-8.
std::string value(Handle h) {
    if (h.isName()) return h.getName().substr(1);
    if (h.isString()) return "\"" + h.getUTF8Value() + "\"";
    if (h.isNumber()) return number(h);
    if (h.isBool()) return h.getBoolValue() ? "true" : "false";
    if (h.isArray()) {
        std::string s = "[";
        for (auto& x : h.getArrayAsVector()) s += (s.size() > 1 ? " " : "") + value(x);
        return s + "]";
    }
    if (h.isDictionary()) return "<<dict>>";
    return "null";
}

struct Reader {
    std::map<QPDFObjGen, int> page_index;
    std::map<std::string, std::string> roles;
    std::map<std::pair<int, int>, QPDFObjGen> mc_owner;  // (page, MCID) -> element
    std::map<QPDFObjGen, QPDFObjGen> annot_owner;        // annotation -> element
    std::set<QPDFObjGen> seen;
    std::string out;

    int page_of(Handle pg) {
        if (!pg.isDictionary()) return -1;
        auto it = page_index.find(pg.getObjGen());
        return it == page_index.end() ? -1 : it->second;
    }

    static std::string attributes(Handle a) {
        std::string s;
        std::vector<Handle> dicts;
        if (a.isDictionary()) dicts.push_back(a);
        if (a.isArray())
            for (auto& x : a.getArrayAsVector())
                if (x.isDictionary()) dicts.push_back(x);
        for (auto& d : dicts) {
            s += " " + (d.hasKey("/O") ? value(d.getKey("/O")) : std::string("?")) + "{";
            bool first = true;
            for (auto& [key, v] : d.getDictAsMap()) {
                if (key == "/O") continue;
                s += (first ? "" : " ") + key.substr(1) + (key == "/BBox" ? "" : "=" + value(v));
                first = false;
            }
            s += "}";
        }
        return s;
    }

    // The kids' marked content and annotations are gathered into runs: "mc p1 x3".
    void kids(Handle element, QPDFObjGen self, int depth) {
        Handle k = element.getKey("/K");
        std::vector<Handle> list = k.isArray() ? k.getArrayAsVector() : std::vector<Handle>{k};
        const int own_page = page_of(element.getKey("/Pg"));
        int run_page = -2, run_count = 0;
        auto flush = [&] {
            if (run_count > 0)
                out += std::string(2 * (depth + 1), ' ') + "mc p" + std::to_string(run_page + 1) +
                       (run_count > 1 ? " x" + std::to_string(run_count) : "") + "\n";
            run_count = 0;
        };
        for (auto& kid : list) {
            int mcid = -1, page = own_page;
            if (kid.isInteger()) {
                mcid = static_cast<int>(kid.getIntValue());
            } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
                mcid = static_cast<int>(kid.getKey("/MCID").getIntValue());
                if (kid.hasKey("/Pg")) page = page_of(kid.getKey("/Pg"));
            }
            if (mcid >= 0) {
                if (page != run_page) flush();
                run_page = page;
                ++run_count;
                mc_owner[{page, mcid}] = self;
                continue;
            }
            flush();
            if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
                Handle annot = kid.getKey("/Obj");
                annot_owner[annot.getObjGen()] = self;
                std::string line =
                    std::string(2 * (depth + 1), ' ') + "annot p" +
                    std::to_string(page_of(kid.hasKey("/Pg") ? kid.getKey("/Pg") : element.getKey("/Pg")) + 1) + " " +
                    value(annot.getKey("/Subtype"));
                Handle action = annot.getKey("/A");
                if (action.isDictionary() && action.hasKey("/URI")) line += " " + value(action.getKey("/URI"));
                if (annot.hasKey("/Contents")) line += " Contents=" + value(annot.getKey("/Contents"));
                out += line + "\n";
            } else if (kid.isDictionary()) {
                element_line(kid, depth + 1);
            }
        }
        flush();
    }

    void element_line(Handle e, int depth) {
        if (!seen.insert(e.getObjGen()).second) {
            out += std::string(2 * depth, ' ') + "(element seen twice)\n";
            return;
        }
        std::string type = value(e.getKey("/S"));
        if (auto it = roles.find(type); it != roles.end()) type += "->" + it->second;
        std::string line = std::string(2 * depth, ' ') + type;
        for (const char* key : {"/Lang", "/Alt", "/ActualText", "/E", "/T"})
            if (e.hasKey(key)) line += " " + std::string(key + 1) + "=" + value(e.getKey(key));
        line += attributes(e.getKey("/A"));
        out += line + "\n";
        kids(e, e.getObjGen(), depth);
    }

    // Whether every ParentTree entry names the element whose /K holds that MCID or annotation.
    std::string parent_tree(QPDF& pdf, Handle root, std::vector<QPDFObjectHandle> pages) {
        Handle tree = root.getKey("/ParentTree");
        if (!tree.isDictionary()) return "parent tree: missing\n";
        QPDFNumberTreeObjectHelper nt(tree, pdf);
        int entries = 0, wrong = 0;
        std::set<std::pair<int, int>> covered;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            Handle sp = pages[p].getKey("/StructParents");
            if (!sp.isInteger()) continue;
            Handle arr;
            if (!nt.findObject(sp.getIntValue(), arr) || !arr.isArray()) {
                ++wrong;
                continue;
            }
            auto v = arr.getArrayAsVector();
            for (std::size_t m = 0; m < v.size(); ++m) {
                if (v[m].isNull()) continue;
                ++entries;
                covered.insert({static_cast<int>(p), static_cast<int>(m)});
                auto it = mc_owner.find({static_cast<int>(p), static_cast<int>(m)});
                if (it == mc_owner.end() || it->second != v[m].getObjGen()) ++wrong;
            }
            for (auto& annot : pages[p].getKey("/Annots").isArray() ? pages[p].getKey("/Annots").getArrayAsVector()
                                                                    : std::vector<Handle>{}) {
                if (!annot.hasKey("/StructParent")) continue;
                Handle owner;
                ++entries;
                if (!nt.findObject(annot.getKey("/StructParent").getIntValue(), owner) ||
                    annot_owner[annot.getObjGen()] != owner.getObjGen())
                    ++wrong;
            }
        }
        int unmapped = 0;
        for (auto& [key, e] : mc_owner)
            if (!covered.count(key)) ++unmapped;
        return "parent tree: " + std::to_string(entries) + " entries, " + std::to_string(wrong) + " wrong, " +
               std::to_string(unmapped) + " marked contents not in it\n";
    }
};

}  // namespace

std::string structure_dump(const std::string& pdf_bytes) {
    QPDF pdf;
    pdf.processMemoryFile("leaflet.pdf", pdf_bytes.data(), pdf_bytes.size());
    Reader r;
    Handle catalog = pdf.getRoot();
    auto pages = pdf.getAllPages();
    for (std::size_t i = 0; i < pages.size(); ++i) r.page_index[pages[i].getObjGen()] = static_cast<int>(i);
    r.out += "Lang=" + value(catalog.getKey("/Lang")) +
             " Marked=" + value(catalog.getKey("/MarkInfo").getKey("/Marked")) +
             " pages=" + std::to_string(pages.size()) + " Tabs=";
    for (std::size_t i = 0; i < pages.size(); ++i) r.out += (i ? "," : "") + value(pages[i].getKey("/Tabs"));
    r.out += "\n";
    Handle root = catalog.getKey("/StructTreeRoot");
    if (!root.isDictionary()) return r.out + "no structure tree\n";
    Handle map = root.getKey("/RoleMap");
    if (map.isDictionary())
        for (auto& [k, v] : map.getDictAsMap()) r.roles[k.substr(1)] = value(v);
    Handle k = root.getKey("/K");
    for (auto& top : k.isArray() ? k.getArrayAsVector() : std::vector<Handle>{k})
        if (top.isDictionary()) r.element_line(top, 0);
    r.out += r.parent_tree(pdf, root, pages);
    return r.out;
}

}  // namespace leafpress::test
