// Expected results checked against Python 3.11 argparse configured as byexample does
// (prefix chars "-+", no abbreviations, SUPPRESS defaults, mutually exclusive groups).
#include "driver/parse/option_parser.hpp"

#include <gtest/gtest.h>

#include "driver/parse/option_tables.hpp"

namespace bx {
namespace {

using Tokens = std::vector<std::string>;
using Strings = std::vector<std::string>;

/// generic + concern + shell options: every option kind of byexample.
const OptionParser& all_options() {
  static const OptionParser parser = [] {
    OptionParser p;
    p.extend(generic_options());
    p.extend(concern_options());
    p.extend(language_options("shell"));
    return p;
  }();
  return parser;
}

std::string error_of(const Tokens& tokens, bool strict = true) {
  try {
    all_options().parse(tokens, strict);
  } catch (const OptionError& error) {
    return error.what();
  }
  return "no error";
}

TEST(OptionParser, FlagsSetTrueOrFalse) {
  OptionLayer layer = all_options().parse({"+norm-ws", "-capture", "+input"}, true);
  EXPECT_EQ(layer, (OptionLayer{{"norm_ws", true}, {"capture", false}, {"type", true}}));
  EXPECT_EQ(all_options().parse({"+norm-ws", "+norm-ws"}, true), (OptionLayer{{"norm_ws", true}}));
}

TEST(OptionParser, LayerHoldsOnlyWrittenOptions) {
  EXPECT_TRUE(all_options().parse({}, true).empty());
  EXPECT_EQ(all_options().parse({"+timeout=3"}, true), (OptionLayer{{"timeout", 3.0}}));
}

TEST(OptionParser, BothPolaritiesOfAFlagConflict) {
  EXPECT_EQ(error_of({"+norm-ws", "-norm-ws"}),
            "argument -norm-ws: not allowed with argument +norm-ws");
  EXPECT_EQ(error_of({"-norm-ws", "+norm-ws"}),
            "argument +norm-ws: not allowed with argument -norm-ws");
  EXPECT_EQ(error_of({"+type", "-input"}),
            "argument -type/-input: not allowed with argument +type/+input");
}

TEST(OptionParser, ExclusiveGroups) {
  EXPECT_EQ(error_of({"+if=a", "+unless=b"}),
            "argument +unless: not allowed with argument +if/+on");
  EXPECT_EQ(error_of({"+unless=b", "+on=a"}),
            "argument +if/+on: not allowed with argument +unless");
  EXPECT_EQ(all_options().parse({"+if=a", "+on=b"}, true), (OptionLayer{{"if", std::string("b")}}));
  EXPECT_EQ(error_of({"+force-echo-filtering-for=x", "+force-echo-filtering"}),
            "argument +force-echo-filtering: not allowed with argument "
            "+force-echo-filtering-for");
  EXPECT_EQ(error_of({"-force-echo-filtering", "+force-echo-filtering-for", "y"}),
            "argument +force-echo-filtering-for: not allowed with argument -force-echo-filtering");
}

TEST(OptionParser, ValuesWithEqualsOrAsNextToken) {
  EXPECT_EQ(all_options().parse({"+timeout", "3"}, true), (OptionLayer{{"timeout", 3.0}}));
  EXPECT_EQ(all_options().parse({"+timeout=1", "+timeout=2"}, true),
            (OptionLayer{{"timeout", 2.0}}));
  // Negative numbers are arguments, not options.
  EXPECT_EQ(all_options().parse({"+timeout", "-3"}, true), (OptionLayer{{"timeout", -3.0}}));
  EXPECT_EQ(all_options().parse({"+timeout", "-.5"}, true), (OptionLayer{{"timeout", -0.5}}));
  EXPECT_EQ(all_options().parse({"+geometry", "10 x 20"}, true),
            (OptionLayer{{"geometry", IntPair{10, 20}}}));
}

TEST(OptionParser, MissingValue) {
  EXPECT_EQ(error_of({"+timeout"}), "argument +timeout: expected one argument");
  EXPECT_EQ(error_of({"+timeout", "+norm-ws"}), "argument +timeout: expected one argument");
  EXPECT_EQ(error_of({"+rm", "-x"}), "argument +rm: expected one argument");
  EXPECT_EQ(error_of({"+rm", "--"}), "argument +rm: expected one argument");
  EXPECT_EQ(error_of({"+timeout", "--", "3"}), "argument +timeout: expected one argument");
}

TEST(OptionParser, InvalidValues) {
  EXPECT_EQ(error_of({"+timeout=abc"}), "argument +timeout: invalid float value: 'abc'");
  EXPECT_EQ(error_of({"+timeout="}), "argument +timeout: invalid float value: ''");
  EXPECT_EQ(error_of({"+diff=foo"}),
            "argument +diff: invalid choice: 'foo' (choose from 'none', 'unified', 'ndiff', "
            "'context', 'tool')");
  EXPECT_EQ(error_of({"+diff", "it's"}),
            "argument +diff: invalid choice: \"it's\" (choose from 'none', 'unified', 'ndiff', "
            "'context', 'tool')");
  EXPECT_EQ(error_of({"+geometry=abc"}), "argument +geometry: invalid geometry value: 'abc'");
  EXPECT_EQ(error_of({"+stop-signal=kill"}),
            "argument +stop-signal: invalid choice: 'kill' (choose from 'suspend', 'eof', "
            "'interrupt', 'quit')");
  EXPECT_EQ(error_of({"+norm-ws=1"}), "argument +norm-ws: ignored explicit argument '1'");
  EXPECT_EQ(error_of({"+norm-ws="}), "argument +norm-ws: ignored explicit argument ''");
}

TEST(OptionParser, InvalidValuesAreErrorsEvenWhenPermissive) {
  EXPECT_EQ(error_of({"+timeout=abc"}, false), "argument +timeout: invalid float value: 'abc'");
  EXPECT_EQ(error_of({"+norm-ws", "-norm-ws"}, false),
            "argument -norm-ws: not allowed with argument +norm-ws");
}

TEST(OptionParser, UnknownOptionsAreListedWhenStrict) {
  EXPECT_EQ(error_of({"+bogus"}), "unrecognized arguments: +bogus");
  EXPECT_EQ(error_of({"+bogus", "x", "+norm-ws", "-y"}), "unrecognized arguments: +bogus x -y");
  EXPECT_EQ(error_of({"+bogus=3"}), "unrecognized arguments: +bogus=3");
  EXPECT_EQ(error_of({"--", "+norm-ws"}), "unrecognized arguments: -- +norm-ws");
  EXPECT_EQ(error_of({"+"}), "unrecognized arguments: +");
  EXPECT_EQ(error_of({""}), "unrecognized arguments: ");
  // No abbreviations.
  EXPECT_EQ(error_of({"+norm"}), "unrecognized arguments: +norm");
}

TEST(OptionParser, ValueErrorsWinOverUnknownOptions) {
  EXPECT_EQ(error_of({"+bogus", "+timeout=abc"}), "argument +timeout: invalid float value: 'abc'");
}

TEST(OptionParser, UnknownOptionsAreIgnoredWhenPermissive) {
  EXPECT_EQ(all_options().parse({"+bogus", "x", "+norm-ws", "-y"}, false),
            (OptionLayer{{"norm_ws", true}}));
}

TEST(OptionParser, AppendAccumulates) {
  EXPECT_EQ(all_options().parse({"+rm=x", "+rm", "y", "+rm="}, true),
            (OptionLayer{{"rm", Strings{"x", "y", ""}}}));
  EXPECT_EQ(all_options().parse({"+rm", "a b"}, true), (OptionLayer{{"rm", Strings{"a b"}}}));
  EXPECT_EQ(all_options().parse({"+rm", "-a b"}, true), (OptionLayer{{"rm", Strings{"-a b"}}}));
  EXPECT_EQ(all_options().parse(
                {"+force-echo-filtering-for=python", "+force-echo-filtering-for=shell"}, true),
            (OptionLayer{{"force_echo_filtering_for", Strings{"python", "shell"}}}));
}

TEST(OptionParser, OptionalValue) {
  EXPECT_EQ(all_options().parse({"+stop-on-silence"}, true),
            (OptionLayer{{"stop_on_silence", 0.2}}));
  EXPECT_EQ(all_options().parse({"+stop-on-silence", "0.5"}, true),
            (OptionLayer{{"stop_on_silence", 0.5}}));
  EXPECT_EQ(all_options().parse({"+stop-on-silence", "+norm-ws"}, true),
            (OptionLayer{{"stop_on_silence", 0.2}, {"norm_ws", true}}));
  EXPECT_EQ(error_of({"+stop-on-silence", "abc"}),
            "argument +stop-on-silence: invalid float value: 'abc'");
  EXPECT_EQ(error_of({"+stop-on-silence="}), "argument +stop-on-silence: invalid float value: ''");
}

TEST(OptionParser, DefaultsAndDest) {
  OptionParser parser;
  OptionSpec spec;
  spec.name = "x-y";
  spec.default_value = true;
  parser.add(spec);
  OptionSpec other;
  other.name = "z";
  other.kind = OptionKind::value;
  other.dest = "zed";
  parser.add(other);
  EXPECT_EQ(parser.defaults(), (OptionLayer{{"x_y", true}, {"zed", std::monostate{}}}));
  EXPECT_EQ(parser.parse({"+z=1"}, true), (OptionLayer{{"zed", std::string("1")}}));
  EXPECT_THROW(parser.add(spec), std::logic_error);
}

TEST(OptionParser, ExtendCopiesEverySpec) {
  OptionParser parser;
  parser.extend(generic_options());
  parser.extend(language_options("python"));
  EXPECT_EQ(parser.specs().size(),
            generic_options().specs().size() + language_options("python").specs().size());
  EXPECT_EQ(parser.parse({"+py-doctest", "+ELLIPSIS"}, true),
            (OptionLayer{{"py_doctest", true}, {"ELLIPSIS", true}}));
}

}  // namespace
}  // namespace bx
