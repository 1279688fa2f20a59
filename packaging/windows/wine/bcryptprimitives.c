/* A stand-in for Windows' bcryptprimitives.dll, for testing under Wine 8 only (never shipped).
 * Rust's standard library draws random bytes from its ProcessPrng, which Windows 10 and later
 * have and Wine added only in version 9; Debian 12's Wine is 8.0. This gives the same bytes
 * from the system's generator RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
