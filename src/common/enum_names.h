// EnumNames: the text names of an enum as one table of (value, name) pairs,
// looked up both ways, so a `FooName(Foo)` function and its parser read the
// same list instead of each spelling out a switch.
//
// A table is constant data; the lookups are pure and thread-safe. A value
// the table lacks is named "?" (what an unlisted enumerator prints); parsing
// matches a name exactly, case included, and says nullopt for any other text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace cinelake {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

// The name of `value` in `names`; "?" when no entry has that value.
template <typename E, size_t N>
constexpr const char* NameOf(const EnumName<E> (&names)[N], E value) {
  for (const EnumName<E>& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

// The value `text` names in `names`; nullopt when no entry has that name.
template <typename E, size_t N>
constexpr std::optional<E> ValueNamed(const EnumName<E> (&names)[N], std::string_view text) {
  for (const EnumName<E>& entry : names) {
    if (text == entry.name) return entry.value;
  }
  return std::nullopt;
}

}  // namespace cinelake
