// Option values and the option stack (spec §2.4, §7.10).
//
// Keys are option names with '-' replaced by '_' ("+norm-ws" -> "norm_ws"), as in byexample,
// so that layers coming from -o, from language defaults and from examples merge by key.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bx {

/// A pair of non-negative integers: +geometry (rows, cols), +input-prefix-range (min, max).
using IntPair = std::pair<long, long>;

/// One option value. std::monostate means "set to nothing" (Python's None).
using OptionValue = std::variant<std::monostate, bool, long, double, std::string,
                                 std::vector<std::string>, IntPair>;

/// One layer: only the options that were given at that level.
using OptionLayer = std::map<std::string, OptionValue, std::less<>>;

/// Sentinel used for "+show-failures=all".
inline constexpr long k_show_all_failures = -1;

/// A stack of layers; lookups go from the top layer down.
class OptionStack {
 public:
  OptionStack() = default;
  explicit OptionStack(OptionLayer base) { m_layers.push_back(std::move(base)); }

  void push(OptionLayer layer) { m_layers.push_back(std::move(layer)); }
  void pop() { m_layers.pop_back(); }
  std::size_t depth() const { return m_layers.size(); }

  /// Sets a key in the top layer.
  void set(std::string key, OptionValue value);

  const OptionValue* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }

  /// Typed accessors: throw std::logic_error if the key is missing or of another type
  /// (a programming error: every key has a default in the base layer).
  bool flag(std::string_view key) const;
  double number(std::string_view key) const;  // accepts long or double
  long integer(std::string_view key) const;
  const std::string& text(std::string_view key) const;
  const std::vector<std::string>& list(std::string_view key) const;  // missing/None -> empty
  IntPair pair(std::string_view key) const;
  /// True when the key is missing or explicitly set to None.
  bool is_none(std::string_view key) const;

  /// Pushes a layer for the lifetime of the returned guard.
  class Scope {
   public:
    Scope(OptionStack& stack, OptionLayer layer) : m_stack(stack) {
      m_stack.push(std::move(layer));
    }
    ~Scope() { m_stack.pop(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    OptionStack& m_stack;
  };

 private:
  std::vector<OptionLayer> m_layers;
};

/// Human-readable rendering of a value (for --show-options defaults and debugging).
std::string to_string(const OptionValue& value);

}  // namespace bx
