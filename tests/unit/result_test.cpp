#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/result.hpp"

using namespace leafpress;

namespace {
Result<int> half(int n) {
    if (n % 2) return Failure{std::to_string(n) + " is odd"};
    return n / 2;
}
Result<void> even(int n) {
    if (n % 2) return Failure{std::to_string(n) + " is odd"};
    return {};
}
}  // namespace

TEST_CASE("result: a value, or the message why there is none", "[result]") {
    const Result<int> h = half(8);
    REQUIRE(h);
    CHECK(h.ok());
    CHECK(*h == 4);
    CHECK(h.error().empty());

    const Result<int> odd = half(7);
    CHECK_FALSE(odd);
    CHECK_FALSE(odd.ok());
    CHECK(odd.error() == "7 is odd");

    // A value that is itself false (a null pointer, a zero) is still a value.
    const Result<const char*> none = static_cast<const char*>(nullptr);
    CHECK(none.ok());
    CHECK(*none == nullptr);
    const Result<int> zero = half(0);
    CHECK(zero.ok());
    CHECK(*zero == 0);

    // A failure with no words (libharu out of memory) is still a failure.
    const Result<int> silent = Failure{};
    CHECK_FALSE(silent);
    CHECK(silent.error().empty());
}

TEST_CASE("result: the value is moved out and reached through ->", "[result]") {
    Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("profile");
    REQUIRE(r);
    CHECK((*r)->size() == 7);
    const std::unique_ptr<std::string> taken = std::move(r).value();
    CHECK(*taken == "profile");

    Result<std::string> s = std::string("abc");
    CHECK(s->size() == 3);
    Result<std::string> failed = Failure{"cannot read the file"};
    CHECK_FALSE(failed);
    CHECK(failed.error() == "cannot read the file");
    failed = std::string("read");  // assigned a value: it has one, and no error
    CHECK(failed.ok());
    CHECK(failed.error().empty());
    CHECK(*failed == "read");
}

TEST_CASE("result: a step with no value succeeds or says why not", "[result]") {
    const Result<void> yes = even(2);
    CHECK(yes);
    CHECK(yes.error().empty());
    const Result<void> no = even(3);
    CHECK_FALSE(no);
    CHECK(no.error() == "3 is odd");
}
