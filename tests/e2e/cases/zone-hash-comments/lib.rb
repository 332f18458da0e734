# Ruby files use hash comments too.
# $ echo "from ruby file"
# from ruby file
def f; end
