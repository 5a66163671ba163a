// The error convention of library code. A stage that reports what went wrong to the person
// building takes a `Diagnostics&` (core/diagnostics.hpp) and says it there, with a file, a code
// and a hint. A lower-level function whose caller decides how to report it (with which code,
// location and hint, or later: the engine keeps the print profile's error for every build that
// asks) returns a Result: its value, or a message saying why there is none.
//
//     Result<CmykConverter> open(...)  { if (...) return Failure{"not an ICC profile"}; return c; }
//     auto c = open(...); if (!c) diags.error("print.profile", where, c.error()); else use(*c);
#pragma once
#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace leafpress {

// Why a Result has no value: a message, in words a clinic coordinator understands.
struct Failure {
    std::string message;
};

template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}                    // NOLINT: a value converts, as with std::optional
    Result(Failure failure) : error_(std::move(failure.message)) {}  // NOLINT

    [[nodiscard]] bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // The value; only when ok().
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& value() & {
        assert(ok());
        return *value_;
    }
    const T& value() const& {
        assert(ok());
        return *value_;
    }
    T&& value() && {
        assert(ok());
        return std::move(*value_);
    }

    // Why there is no value; empty when ok().
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

// A step that gives nothing back but may fail: `return {};` when it succeeded.
template <>
class Result<void> {
public:
    Result() = default;
    Result(Failure failure) : ok_(false), error_(std::move(failure.message)) {}  // NOLINT

    [[nodiscard]] bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    bool ok_ = true;
    std::string error_;
};

}  // namespace leafpress
