#include "driver/parse/option_parser.hpp"

#include <algorithm>
#include <optional>

#include "driver/parse/option_types.hpp"

namespace bx {

namespace {

std::string default_dest(const std::string& name) {
  std::string dest = name;
  for (char& c : dest) {
    if (c == '-') c = '_';
  }
  return dest;
}

/// argparse's test for "this looks like a negative number, hence an argument".
bool is_negative_number(std::string_view token) {
  if (token.size() < 2 || token[0] != '-') return false;
  std::string_view rest = token.substr(1);
  std::size_t dot = rest.find('.');
  auto all_digits = [](std::string_view s) {
    return s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (dot == std::string_view::npos) return all_digits(rest);
  return all_digits(rest.substr(0, dot)) && rest.size() > dot + 1 &&
         all_digits(rest.substr(dot + 1));
}

std::string join_choices(const std::vector<std::string>& choices) {
  std::string text;
  for (const auto& choice : choices) {
    if (!text.empty()) text += ", ";
    text += py_repr(choice);
  }
  return text;
}

}  // namespace

/// The state of one parse: argparse's left-to-right consumption of classified tokens.
class OptionParser::Run {
 public:
  Run(const OptionParser& parser, const std::vector<std::string>& tokens)
      : m_parser(parser), m_tokens(tokens) {
    classify();
  }

  OptionLayer parse(bool strict) {
    for (m_next = 0; m_next < m_classified.size();) {
      std::size_t index = m_next++;
      const Classified& token = m_classified[index];
      if (token.action) {
        take(*token.action, token);
      } else {
        m_extras.push_back(m_tokens[index]);
      }
    }
    if (strict && !m_extras.empty()) {
      std::string text = m_extras[0];
      for (std::size_t i = 1; i < m_extras.size(); ++i) text += " " + m_extras[i];
      throw OptionError("unrecognized arguments: " + text);
    }
    return std::move(m_layer);
  }

 private:
  enum class Kind { argument, option, separator };
  struct Classified {
    Kind kind = Kind::argument;
    std::optional<Action> action;  ///< set for known options
    std::optional<std::string> explicit_value;
  };

  void classify() {
    bool after_separator = false;
    for (const std::string& token : m_tokens) {
      if (after_separator) {
        m_classified.push_back({});
      } else if (token == "--") {
        m_classified.push_back({Kind::separator, std::nullopt, std::nullopt});
        after_separator = true;
      } else {
        m_classified.push_back(classify(token));
      }
    }
  }

  /// argparse's _parse_optional for the prefix characters '+' and '-'.
  Classified classify(const std::string& token) const {
    if (token.empty() || (token[0] != '+' && token[0] != '-')) return {};
    if (auto it = m_parser.m_actions.find(token); it != m_parser.m_actions.end()) {
      return {Kind::option, it->second, std::nullopt};
    }
    if (token.size() == 1) return {};
    if (std::size_t eq = token.find('='); eq != std::string::npos) {
      auto it = m_parser.m_actions.find(std::string_view(token).substr(0, eq));
      if (it != m_parser.m_actions.end()) return {Kind::option, it->second, token.substr(eq + 1)};
    }
    if (is_negative_number(token) || token.find(' ') != std::string::npos) return {};
    return {Kind::option, std::nullopt, std::nullopt};
  }

  /// The token after the option when it can be its value (not an option, not '--').
  std::optional<std::string> next_argument() {
    if (m_next >= m_classified.size() || m_classified[m_next].kind != Kind::argument) {
      return std::nullopt;
    }
    return m_tokens[m_next++];
  }

  std::string action_name(const Action& action) const {
    const OptionSpec& spec = m_parser.m_specs[action.spec];
    char prefix = action.positive ? '+' : '-';
    std::string name = prefix + spec.name;
    for (const auto& alias : spec.aliases) name += "/" + std::string(1, prefix) + alias;
    return name;
  }

  [[noreturn]] void fail(const Action& action, const std::string& message) const {
    throw OptionError("argument " + action_name(action) + ": " + message);
  }

  OptionValue value_of(const Action& action, const Classified& token) {
    const OptionSpec& spec = m_parser.m_specs[action.spec];
    if (spec.kind == OptionKind::flag) {
      if (token.explicit_value)
        fail(action, "ignored explicit argument " + py_repr(*token.explicit_value));
      return action.positive;
    }
    std::optional<std::string> raw = token.explicit_value ? token.explicit_value : next_argument();
    if (!raw) {
      if (spec.kind == OptionKind::optional_value) return spec.const_value;
      fail(action, "expected one argument");
    }
    OptionValue value = *raw;
    if (spec.convert) {
      try {
        value = spec.convert(*raw);
      } catch (const std::invalid_argument& error) {
        fail(action, error.what());
      }
    }
    if (!spec.choices.empty() &&
        std::find(spec.choices.begin(), spec.choices.end(), *raw) == spec.choices.end()) {
      fail(action, "invalid choice: " + py_repr(*raw) + " (choose from " +
                       join_choices(spec.choices) + ")");
    }
    return value;
  }

  /// Mutually exclusive actions: the two polarities of a flag, and explicit groups.
  void check_conflicts(const Action& action) {
    const OptionSpec& spec = m_parser.m_specs[action.spec];
    std::string group = spec.exclusive_group;
    if (group.empty() && spec.kind == OptionKind::flag) group = "\n" + spec.name;
    if (group.empty()) return;
    auto [it, inserted] = m_seen_groups.emplace(group, action);
    const Action& seen = it->second;
    if (!inserted && (seen.spec != action.spec || seen.positive != action.positive)) {
      fail(action, "not allowed with argument " + action_name(seen));
    }
  }

  void take(const Action& action, const Classified& token) {
    const OptionSpec& spec = m_parser.m_specs[action.spec];
    OptionValue value = value_of(action, token);
    check_conflicts(action);
    std::string dest = spec.dest.empty() ? default_dest(spec.name) : spec.dest;
    if (spec.kind != OptionKind::append) {
      m_layer[dest] = std::move(value);
      return;
    }
    auto [it, inserted] = m_layer.emplace(dest, std::vector<std::string>{});
    std::get<std::vector<std::string>>(it->second).push_back(std::get<std::string>(value));
  }

  const OptionParser& m_parser;
  const std::vector<std::string>& m_tokens;
  std::vector<Classified> m_classified;
  std::size_t m_next = 0;
  std::vector<std::string> m_extras;
  std::map<std::string, Action> m_seen_groups;
  OptionLayer m_layer;
};

void OptionParser::add(OptionSpec spec) {
  if (spec.dest.empty()) spec.dest = default_dest(spec.name);
  std::size_t index = m_specs.size();
  std::vector<std::string> names{spec.name};
  names.insert(names.end(), spec.aliases.begin(), spec.aliases.end());
  for (const auto& name : names) {
    auto register_string = [&](std::string option_string, bool positive) {
      if (!m_actions.emplace(option_string, Action{index, positive}).second) {
        throw std::logic_error("option " + option_string + " is defined twice");
      }
    };
    register_string("+" + name, true);
    if (spec.kind == OptionKind::flag) register_string("-" + name, false);
  }
  m_specs.push_back(std::move(spec));
}

void OptionParser::extend(const OptionParser& other) {
  for (const auto& spec : other.m_specs) add(spec);
}

OptionLayer OptionParser::parse(const std::vector<std::string>& tokens, bool strict) const {
  return Run(*this, tokens).parse(strict);
}

OptionLayer OptionParser::defaults() const {
  OptionLayer layer;
  for (const auto& spec : m_specs) layer[spec.dest] = spec.default_value;
  return layer;
}

}  // namespace bx
