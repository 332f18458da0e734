package greet;

public class Hello {
  public static String hi() {
    return "hi from a module";
  }
}
