/*
   >>> print("python in a header")
   python in a header
*/
