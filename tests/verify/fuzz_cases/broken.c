/* Does not compile: the fuzzer must say so, naming this file. */
int broken(int x) { return x + ; }
