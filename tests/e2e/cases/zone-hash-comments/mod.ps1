# PowerShell files use hash comments too.
# $ echo "from powershell file"
# from powershell file
