#include "driver/model/options.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(OptionStack, TopLayerWins) {
  OptionStack stack({{"timeout", 2.0}, {"norm_ws", false}});
  {
    OptionStack::Scope scope(stack, {{"norm_ws", true}});
    EXPECT_TRUE(stack.flag("norm_ws"));
    EXPECT_DOUBLE_EQ(stack.number("timeout"), 2.0);
  }
  EXPECT_FALSE(stack.flag("norm_ws"));
}

TEST(OptionStack, MissingKeyIsAProgrammingError) {
  OptionStack stack;
  EXPECT_THROW(stack.flag("nope"), std::logic_error);
  EXPECT_TRUE(stack.is_none("nope"));
  EXPECT_TRUE(stack.list("nope").empty());
}

TEST(OptionStack, NumberAcceptsIntegers) {
  OptionStack stack({{"timeout", 3L}});
  EXPECT_DOUBLE_EQ(stack.number("timeout"), 3.0);
}

}  // namespace
}  // namespace bx
