#include <mutex>

#include "core/module.hpp"
#include "text/icu_module.hpp"

namespace leafpress::text {

const Result<const Icu*>& icu() {
    static std::once_flag once;
    static Icu functions;
    static Result<const Icu*> loaded = Failure{};
    std::call_once(once, [] {
#ifdef LEAFPRESS_ICU_MODULE
        const char* built_at = LEAFPRESS_ICU_MODULE;
#else
        const char* built_at = nullptr;
#endif
        const Result<void*> module = load_module("libleafpress_icu.so", built_at, "leafpress_icu_abi", kIcuModuleAbi);
        if (!module) {
            loaded = Failure{module.error()};
            return;
        }
        functions.line_breaks =
            reinterpret_cast<IcuLineBreaksFn>(module_function(*module, "leafpress_icu_line_breaks"));
        functions.lower = reinterpret_cast<IcuLowerFn>(module_function(*module, "leafpress_icu_lower"));
        functions.format_date =
            reinterpret_cast<IcuFormatDateFn>(module_function(*module, "leafpress_icu_format_date"));
        if (!functions.line_breaks || !functions.lower || !functions.format_date)
            loaded = Failure{"the module libleafpress_icu.so lacks its functions"};
        else
            loaded = &functions;
    });
    return loaded;
}

}  // namespace leafpress::text
