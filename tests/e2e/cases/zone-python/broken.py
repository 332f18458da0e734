# A file that does not parse: the warning and every indented string as a zone.
def f():
    """
    >>> 1 + 1
    2
    """
    return (1,

class C:
    def g(self):
        """
        >>> 2 * 2
        4
        """
