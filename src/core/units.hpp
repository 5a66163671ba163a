// Strong units. Lengths on the page are Pt; font units become Pt once, in the shaper.
#pragma once
#include <cmath>
#include <compare>

namespace leafpress {

// A length in PostScript points (1/72 inch).
class Pt {
public:
    constexpr Pt() = default;
    constexpr explicit Pt(double v) : v_(v) {}
    [[nodiscard]] constexpr double value() const { return v_; }

    constexpr Pt operator+(Pt o) const { return Pt(v_ + o.v_); }
    constexpr Pt operator-(Pt o) const { return Pt(v_ - o.v_); }
    constexpr Pt operator-() const { return Pt(-v_); }
    constexpr Pt operator*(double k) const { return Pt(v_ * k); }
    constexpr Pt operator/(double k) const { return Pt(v_ / k); }
    constexpr double operator/(Pt o) const { return v_ / o.v_; }
    constexpr Pt& operator+=(Pt o) {
        v_ += o.v_;
        return *this;
    }
    constexpr Pt& operator-=(Pt o) {
        v_ -= o.v_;
        return *this;
    }
    constexpr auto operator<=>(const Pt&) const = default;

private:
    double v_ = 0.0;
};

constexpr Pt operator*(double k, Pt p) { return p * k; }

namespace literals {
constexpr Pt operator""_pt(long double v) { return Pt(static_cast<double>(v)); }
constexpr Pt operator""_pt(unsigned long long v) { return Pt(static_cast<double>(v)); }
constexpr Pt operator""_mm(long double v) { return Pt(static_cast<double>(v) * 72.0 / 25.4); }
constexpr Pt operator""_mm(unsigned long long v) { return Pt(static_cast<double>(v) * 72.0 / 25.4); }
}  // namespace literals

inline Pt mm(double v) { return Pt(v * 72.0 / 25.4); }
inline Pt abs(Pt p) { return Pt(std::fabs(p.value())); }

}  // namespace leafpress
