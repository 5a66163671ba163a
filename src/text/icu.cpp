#include <mutex>

#include "core/module.hpp"
#include "text/icu_module.hpp"

namespace leafpress::text {

const Icu* icu(std::string& error) {
    static std::once_flag once;
    static Icu functions;
    static std::string load_error;
    std::call_once(once, [] {
#ifdef LEAFPRESS_ICU_MODULE
        const char* built_at = LEAFPRESS_ICU_MODULE;
#else
        const char* built_at = nullptr;
#endif
        void* module = load_module("libleafpress_icu.so", built_at, "leafpress_icu_abi", kIcuModuleAbi, load_error);
        functions.line_breaks = reinterpret_cast<IcuLineBreaksFn>(module_function(module, "leafpress_icu_line_breaks"));
        functions.lower = reinterpret_cast<IcuLowerFn>(module_function(module, "leafpress_icu_lower"));
        functions.format_date =
            reinterpret_cast<IcuFormatDateFn>(module_function(module, "leafpress_icu_format_date"));
        if (module && (!functions.line_breaks || !functions.lower || !functions.format_date))
            load_error = "the module libleafpress_icu.so lacks its functions";
    });
    if (!functions.line_breaks || !functions.lower || !functions.format_date) {
        error = load_error;
        return nullptr;
    }
    return &functions;
}

}  // namespace leafpress::text
