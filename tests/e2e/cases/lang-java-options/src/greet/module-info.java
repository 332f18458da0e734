module greet {
  exports greet;
}
