"""Module docstring (a module-level string at column 0).

>>> 1 + 1
2
"""

def add(a, b):
    """Function docstring.

    >>> 2 + 3
    5
    """
    s = """
    >>> this string is not a docstring: it is not searched
    """
    # >>> comments are not searched either
    return a + b


class Greeter:
    '''Class docstring with single quotes.

        >>> print("hi")
        hi
    '''

    def greet(self):
        r"""Raw docstring of a method.

        >>> print("hello")
        hello
        """
        return "hello"


b"""
>>> print("a bytes string at column 0")
a bytes string at column 0
"""

x = """
>>> print("not at column 0: not searched")
"""
