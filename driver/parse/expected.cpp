#include "driver/parse/expected.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "driver/model/errors.hpp"
#include "driver/util/regex.hpp"

namespace bx {

namespace {

enum class Kind { literal, spaces, tag, end };

/// One token of the expected (§2.8.1). `spaces` also stands for a newline run; in +norm-ws
/// it is a whole whitespace unit, possibly spanning several lines.
struct Token {
  Kind kind = Kind::end;
  std::size_t charno = 0;  ///< byte offset in the expected
  std::string_view text;
  std::optional<std::string_view> input;  ///< text to type; this token starts at its `[`
  bool newline_first = false, has_newline = false;
};

/// Code points of UTF-8 text: the bytes that are not continuation bytes.
std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// The character index (as Python counts) of byte offset `byte`, for messages.
std::string nth(std::string_view text, std::size_t byte) {
  return std::to_string(char_count(text.substr(0, byte)));
}

/// Long texts in warnings are shown as first 6 + ".." + last 6 characters.
std::string shorten(std::string_view text) {
  static const Regex k_long(R"(\A(.{6}).{3,}(.{6})\z)", k_regex_dotall);
  auto match = k_long.match(text);
  return match ? std::string(match->group(1)) + ".." + std::string(match->group(2))
               : std::string(text);
}

std::optional<std::string_view> tag_name(const Token& tag) {
  std::string_view name = tag.text.substr(1, tag.text.size() - 2);
  return name == "..." ? std::nullopt : std::optional(name);
}

/// `(?:body)` for the unnamed tag, `(?<name>body)` for a named one.
std::string group(const Token& tag, std::string_view body) {
  auto name = tag_name(tag);
  return (name ? "(?<" + tag_group_name(*name) + ">" : "(?:") + std::string(body) + ")";
}

/// PCRE2 group names cannot have '.' or ':' and are limited in length (32 code units
/// before PCRE2 10.44, hence the probe for long names).
bool valid_group_name(std::string_view name) {
  if (name.find_first_of(".:") != std::string_view::npos) return false;
  if (name.size() <= 32) return true;
  try {
    Regex probe("(?<" + tag_group_name(name) + ">)");
    return true;
  } catch (const RegexError&) {
    return false;
  }
}

const Regex* tag_regex(const ExpectedSettings& settings) {
  static const Regex k_any_tag(R"(<[A-Za-z.][A-Za-z0-9:.\-]*>)");
  static const Regex k_unnamed_tag(R"(<\.\.\.>)");
  if (!settings.tags) return nullptr;
  return settings.capture ? &k_any_tag : &k_unnamed_tag;
}

/// Splits the expected into tokens (§2.8.1) and finds the input tags (§2.10).
class Tokenizer {
 public:
  Tokenizer(std::string_view expected, const ExpectedSettings& settings,
            std::vector<std::string>& warnings)
      : m_expected(expected),
        m_settings(settings),
        m_tag_regex(tag_regex(settings)),
        m_warnings(warnings) {}

  /// The tokens, always terminated by an `end` token.
  std::vector<Token> run() {
    static const Regex k_lines(R"((\n+)|[^\n]+)");
    for (const RegexMatch& piece : k_lines.find_all(m_expected)) {
      if (piece.matched(1))
        push(Kind::spaces, piece.begin(), piece.end(), true);
      else
        line(piece.begin(), piece.end());
    }
    push(Kind::end, m_expected.size(), m_expected.size());
    return std::move(m_tokens);
  }

 private:
  /// In +norm-ws consecutive whitespace and newline tokens merge into one unit (§2.8.3).
  void push(Kind kind, std::size_t begin, std::size_t end, bool newline = false) {
    if (kind == Kind::spaces && m_settings.norm_ws && !m_tokens.empty() &&
        m_tokens.back().kind == Kind::spaces) {
      Token& unit = m_tokens.back();
      unit.text = m_expected.substr(unit.charno, end - unit.charno);
      unit.has_newline = unit.has_newline || newline;
      return;
    }
    m_tokens.push_back(
        Token{kind, begin, m_expected.substr(begin, end - begin), std::nullopt, newline, newline});
  }

  void line(std::size_t begin, std::size_t end) {
    static const Regex k_pieces(R"((\s+)|\S+)");
    std::size_t input_at = m_settings.input ? find_input(begin, end) : std::string_view::npos;
    for (const RegexMatch& piece : k_pieces.find_all(m_expected.substr(begin, end - begin))) {
      if (piece.matched(1))
        push(Kind::spaces, begin + piece.begin(), begin + piece.end());
      else
        word(begin + piece.begin(), begin + piece.end(), input_at);
    }
  }

  /// Byte offset of the `[` of the line's input, or npos; warns about misplaced ones.
  std::size_t find_input(std::size_t begin, std::size_t end) {
    static const Regex k_input_at_end(R"(\[((?:\\.|[^\]\\])+)\][ ]*\z)");
    static const Regex k_bracketed(R"(\[(?:\\.|[^\]\\])+\])");
    std::string_view line = m_expected.substr(begin, end - begin);
    auto input = k_input_at_end.search(line);
    for (const RegexMatch& other : k_bracketed.find_all(line)) {
      if (input && other.begin() == input->begin()) continue;
      m_warnings.push_back("The input tag " + shorten(other.group(0)) + " around the character " +
                           nth(m_expected, begin + other.begin()) +
                           " is not at the end of a line.\nThe input will not be typed.\n"
                           "If you do not want to type anything, disable it with '-input'\n"
                           "otherwise the tag must be at the end of the line.");
    }
    if (!input) return std::string_view::npos;
    m_input = input->group(1);
    if (m_tag_regex) warn_tags_inside(begin + input->group_begin(1), input->group(1));
    return begin + input->begin();
  }

  void warn_tags_inside(std::size_t begin, std::string_view content) {
    for (const RegexMatch& tag : m_tag_regex->find_all(content)) {
      m_warnings.push_back("The tag " + std::string(tag.group(0)) +
                           " was found inside of an input tag around the character " +
                           nth(m_expected, begin + tag.begin()) +
                           ".\nPerhaps you tried to paste something\nbut you forgot '+paste' or "
                           "the tag has a typo.\nYou could also disable this warning disabling "
                           "the tags with '-tags'.");
    }
  }

  void word(std::size_t begin, std::size_t end, std::size_t input_at) {
    std::string_view text = m_expected.substr(begin, end - begin);
    std::size_t pos = 0;
    while (pos < text.size()) {
      auto tag = m_tag_regex ? m_tag_regex->search(text, pos) : std::nullopt;
      std::size_t literal_end = tag ? tag->begin() : text.size();
      literal(begin + pos, begin + literal_end, input_at);
      if (!tag) break;
      push(Kind::tag, begin + tag->begin(), begin + tag->end());
      pos = tag->end();
    }
  }

  /// A literal is cut at the input's `[` so that the input's prefix ends right before it.
  void literal(std::size_t begin, std::size_t end, std::size_t input_at) {
    if (begin == end) return;
    if (input_at < begin || input_at >= end) return push(Kind::literal, begin, end);
    if (input_at > begin) push(Kind::literal, begin, input_at);
    push(Kind::literal, input_at, end);
    m_tokens.back().input = m_input;
  }

  std::string_view m_expected;
  const ExpectedSettings& m_settings;
  const Regex* m_tag_regex;
  std::string_view m_input;  ///< the input of the current line
  std::vector<std::string>& m_warnings;
  std::vector<Token> m_tokens;
};

/// Appends fragments to the result, keeping the bookkeeping of tags and input prefixes.
class Emitter {
 public:
  Emitter(std::string_view expected, const ExpectedSettings& settings, CompiledExpected& out)
      : m_expected(expected), m_settings(settings), m_out(out) {}

  void anchor(std::string regex, std::size_t charno) { push(std::move(regex), charno, 0); }

  void literal(std::string regex, const Token& token, std::size_t rcount) {
    m_since_sync.push_back(push(std::move(regex), token.charno, rcount));
    if (m_input_line_open && token.has_newline) {
      m_since_sync.clear();
      m_input_line_open = false;
    }
  }

  void tag(const Token& token, std::string regex) {
    auto name = tag_name(token);
    if (name) check_name(*name, token.charno);
    std::size_t idx = push(std::move(regex), token.charno, 0);
    m_out.regex.tags_by_idx[idx] = name ? std::optional<std::string>(*name) : std::nullopt;
    m_since_sync.clear();
    m_sync_lost = true;
  }

  /// The input that starts at `token` (§2.10): its prefix is taken from the literal
  /// fragments emitted since the last tag or the end of the previous input's line.
  void input(const Token& token) {
    const auto [min, max] = m_settings.input_prefix_range;
    const ExpectedRegex& regex = m_out.regex;
    std::size_t start = m_since_sync.size();
    std::size_t rcount = 0;
    while (start > 0 && static_cast<long>(rcount) < max)
      rcount += regex.rcounts[m_since_sync[--start]];
    if (m_sync_lost && static_cast<long>(rcount) < min) {
      throw ParseError("ValueError", "There are too few characters (" + std::to_string(rcount) +
                                         ") before the input tag at character " +
                                         nth(m_expected, token.charno) + "th to proceed");
    }
    TypedInput typed;
    // The prefix fragments are contiguous in the expected, up to the input's `[`.
    std::size_t from =
        start < m_since_sync.size() ? regex.charnos[m_since_sync[start]] : token.charno;
    typed.prefix = m_expected.substr(from, token.charno - from);
    for (std::size_t i = start; i < m_since_sync.size(); ++i)
      typed.prefix_regex += regex.regexs[m_since_sync[i]];
    typed.text = *token.input;
    m_out.inputs.push_back(std::move(typed));
    m_sync_lost = false;
    m_input_line_open = true;
  }

  [[noreturn]] void consecutive_tags(const Token& second, bool norm_ws) const {
    throw ParseError("ValueError", std::string("Two consecutive ") +
                                       (norm_ws ? "capture tags" : "tags") + " were found at " +
                                       nth(m_expected, second.charno) +
                                       "th character. This is ambiguous.");
  }

 private:
  std::size_t push(std::string regex, std::size_t charno, std::size_t rcount) {
    ExpectedRegex& out = m_out.regex;
    out.regexs.push_back(std::move(regex));
    out.charnos.push_back(charno);
    out.rcounts.push_back(rcount);
    return out.regexs.size() - 1;
  }

  void check_name(std::string_view name, std::size_t charno) {
    if (!valid_group_name(name)) {
      throw ParseError("ValueError", "The tag <" + std::string(name) + "> at the " +
                                         nth(m_expected, charno) +
                                         "th character cannot capture: a capture name can only "
                                         "have letters, digits and '-' (up to 32 characters).\n"
                                         "Disable the capture with '-capture' to use it as "
                                         "literal text.");
    }
    if (!m_seen.emplace(name).second) {
      throw ParseError(
          "ValueError",
          "The same capture tag cannot be used twice\nand '" + std::string(name) +
              "' is repeated at the " + nth(m_expected, charno) +
              "th character.\n\nMay be you wanted to paste them and you forgot\n'+paste' or "
              "their were not captured in a previous\nexample. Or perhaps you do not want "
              "capture/paste\nanything: you want to treat the tags as literals\nand you forgot "
              "'-tags' or '-capture'.");
    }
  }

  std::string_view m_expected;
  const ExpectedSettings& m_settings;
  CompiledExpected& m_out;
  std::vector<std::size_t> m_since_sync;  ///< literal fragments usable as an input prefix
  std::set<std::string, std::less<>> m_seen;
  bool m_sync_lost = false;
  bool m_input_line_open = false;
};

void emit_literal(const Token& token, Emitter& emitter) {
  if (token.input) emitter.input(token);
  emitter.literal(regex_escape(token.text), token, char_count(token.text));
}

/// §2.8.2: whitespace is literal; a tag's regex depends on the token that follows it.
void build_default(const std::vector<Token>& tokens, std::size_t end_charno, bool skip_empty,
                   Emitter& emitter) {
  emitter.anchor(skip_empty ? R"(\A(?:[ \t]*\n)*?)" : R"(\A)", 0);
  for (std::size_t i = 0; tokens[i].kind != Kind::end; ++i) {
    const Token& token = tokens[i];
    if (token.kind != Kind::tag) {
      emit_literal(token, emitter);
      continue;
    }
    const Token& next = tokens[i + 1];
    const bool unnamed = !tag_name(token);
    if (next.kind == Kind::tag) emitter.consecutive_tags(next, false);
    if (next.kind == Kind::end) {
      emitter.tag(token,
                  unnamed ? R"((?:(?:.+)(?<!\n))?)" : "(?:" + group(token, ".+?") + R"((?<!\n))?)");
    } else {
      emitter.tag(token, group(token, unnamed && next.newline_first ? ".*" : ".*?"));
    }
  }
  emitter.anchor(R"(\n*\z)", end_charno);
}

/// A tag with no whitespace on its left (+norm-ws).
std::string norm_ws_tag(const Token& tag, const Token& next, Emitter& emitter) {
  const bool unnamed = !tag_name(tag);
  switch (next.kind) {
    case Kind::tag:
      emitter.consecutive_tags(next, true);
    case Kind::literal:
      return group(tag, ".*?");
    case Kind::end:
      return unnamed ? R"((?:.*)(?<!\s))" : group(tag, ".*?") + R"((?<!\s))";
    default:
      return group(tag, unnamed && next.newline_first ? ".*" : ".*?") + R"((?<!\s))";
  }
}

/// The whitespace unit at `i` and, if one follows, the tag after it (+norm-ws).
/// Returns the index of the next token to process.
std::size_t norm_ws_blank(const std::vector<Token>& tokens, std::size_t i, Emitter& emitter) {
  const Token& blank = tokens[i];
  const Token& next = tokens[i + 1];
  if (next.kind == Kind::end) return i + 1;  // trailing whitespace is ignored
  if (next.kind != Kind::tag) {
    emitter.literal(R"(\s+(?!\s))", blank, 1);
    return i + 1;
  }
  const Token& after = tokens[i + 2];
  if (after.kind == Kind::tag) emitter.consecutive_tags(after, true);
  if (after.kind == Kind::literal) {
    emitter.literal(R"(\s+(?!\s))", blank, 1);
    emitter.tag(next, group(next, ".*?"));
    return i + 2;
  }
  const bool greedy = !tag_name(next) && (after.kind == Kind::end || after.newline_first);
  emitter.literal(R"(\s)", blank, 1);
  emitter.tag(next, R"((?:\s*(?!\s))" + group(next, greedy ? ".+" : ".+?") + R"((?<!\s))?)");
  return i + 2;
}

/// §2.8.3: any whitespace run matches one or more whitespace characters.
void build_norm_ws(const std::vector<Token>& tokens, std::size_t end_charno, bool skip_empty,
                   Emitter& emitter) {
  // [v11] leading whitespace folds into the begin anchor.
  const bool fold = skip_empty && tokens[0].kind == Kind::spaces && tokens[1].kind != Kind::end;
  emitter.anchor(fold ? R"(\A\s+(?!\s))" : skip_empty ? R"(\A\s*?)" : R"(\A)", 0);
  std::size_t i = fold ? 1 : 0;
  while (tokens[i].kind != Kind::end) {
    const Token& token = tokens[i];
    if (token.kind == Kind::literal) {
      emit_literal(token, emitter);
      ++i;
    } else if (token.kind == Kind::tag) {
      emitter.tag(token, norm_ws_tag(token, tokens[i + 1], emitter));
      ++i;
    } else {
      i = norm_ws_blank(tokens, i, emitter);
    }
  }
  emitter.anchor(R"(\s*\z)", end_charno);
}

}  // namespace

std::string tag_group_name(std::string_view tag_name) {
  std::string name(tag_name);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

CompiledExpected compile_expected(const std::string& expected, const ExpectedSettings& settings) {
  CompiledExpected out;
  out.regex.str = expected;
  std::string_view text = out.regex.str;
  // npos + 1 wraps to 0: an expected made only of newlines becomes empty.
  if (!settings.norm_ws) text = text.substr(0, text.find_last_not_of('\n') + 1);
  std::vector<Token> tokens = Tokenizer(text, settings, out.warnings).run();
  Emitter emitter(text, settings, out);
  if (settings.norm_ws) {
    build_norm_ws(tokens, text.size(), settings.ignore_first_empty_lines, emitter);
  } else {
    build_default(tokens, text.size(), settings.ignore_first_empty_lines, emitter);
  }
  return out;
}

}  // namespace bx
