#!/bin/sh
# The official Debian image's entry: deno subcommands run under deno, anything else as is.
set -e
case "$1" in
  bundle | cache | completions | doc | eval | fmt | help | info | link | repl | run | test | types)
    exec deno "$@" ;;
esac
exec "$@"
