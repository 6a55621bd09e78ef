/* Integer, floating, character and string constants. */
#define ANSWER 42
#define BIG 4000000000u
#define NEG_HEX 0xFFFFFFFFu
#define RATIO 0.25
#define GREETING "hi\tthere\n"

int lit_int(void) { return 123 + 0x1F + 017 + 0b101; }
unsigned lit_big(void) { return BIG; }
long lit_long(void) { return 9000000000L; }
unsigned long long lit_ull(void) { return 18446744073709551615ull; }
int lit_neg(void) { return -2147483647 - 1; }
unsigned lit_hex_wrap(void) { return NEG_HEX + 2u; }
double lit_double(void) { return 1.5e3 + RATIO; }
float lit_float(void) { return 2.5f; }
int lit_char(void) { return 'A' + '\n' + '\0' + '\x7f'; }
int lit_char_signed(void) { return '\xff'; }
int lit_string_len(void) { return (int)sizeof GREETING; }
int lit_string_at(int i) {
    const char *s = GREETING "!";
    if (i < 0 || i > 10)
        return -1;
    return s[i];
}
int lit_answer(void) { return ANSWER; }

/* Rounded once from the exact decimal value, as gcc does: the nearest double is the tie
   between two floats, which would round to even (1.0f). */
float lit_float_once(void)
{
    return 1.0000000596046447753906250001f;
}

/* A long double constant converted to double: rounded to 64 bits, then to 53. */
double lit_long_double(void)
{
    return (double)1.00000000000000011102230246251565404236316680908203125000001L;
}
