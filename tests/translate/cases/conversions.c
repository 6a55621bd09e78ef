/* Implicit and explicit conversions (C11 6.3). */
#include <stdint.h>

int conv_trunc(long v) { return (int)(v & 0xFFFFFFFFL); }
unsigned char conv_to_uchar(int v) { return (unsigned char)v; }
signed char conv_to_schar(unsigned v) { return (signed char)(v & 0xFF); }
long conv_sign_extend(int v) { return v; }
unsigned long conv_zero_extend(unsigned v) { return v; }
unsigned conv_neg_to_unsigned(int v) { return (unsigned)v; }
int conv_bool(int v) { _Bool b = v; return b + (_Bool)(v & 2); }
double conv_int_to_double(int v) { return v / 2; }
double conv_div_double(int v) { return v / 2.0; }
int conv_double_to_int(double d)
{
    if (!(d > -1000000.0 && d < 1000000.0))
        return 0;
    return (int)d;
}
float conv_narrow(double d) { return (float)d; }
uint16_t conv_u16(uint32_t v) { return (uint16_t)(v * 3u); }
int64_t conv_mix(int32_t a, uint32_t b) { return (int64_t)a * b; }
int conv_char_arith(char c) { return c + 1; }
int conv_ptr_to_bool(const char *s) { return s ? 1 : 0; }
/* Out of range or NaN is undefined in C (6.3.1.4); the translation does what gcc's
   x86-64 code does, which is what the C program really computes. */
signed char conv_f_to_schar(double d) { return (signed char)d; }
unsigned short conv_f_to_ushort(double d) { return (unsigned short)d; }
int conv_f_to_int_raw(double d) { return (int)d; }
unsigned conv_f_to_uint(double d) { return (unsigned)d; }
long conv_f_to_long(float f) { return (long)f; }
unsigned long conv_f_to_ulong(double d) { return (unsigned long)d; }
