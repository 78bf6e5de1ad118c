/*
 * Benchline test firmware: prints a boot banner on USART1 (PA9 TX, PA10 RX, 115200 8N1)
 * and answers the version query "v" with the same version line.
 * Runs on real STM32F405/F411 silicon (HSI 16 MHz after reset) and on QEMU's netduinoplus2.
 */
#include <stdint.h>

#ifndef BANNER_VERSION
#define BANNER_VERSION "1.0.0"
#endif
#ifndef BANNER_TARGET
#define BANNER_TARGET "f405"
#endif

#define REG(addr) (*(volatile uint32_t *)(addr))

#define RCC_AHB1ENR REG(0x40023830u)
#define RCC_APB2ENR REG(0x40023844u)
#define GPIOA_MODER REG(0x40020000u)
#define GPIOA_AFRH  REG(0x40020024u)
#define USART1_SR   REG(0x40011000u)
#define USART1_DR   REG(0x40011004u)
#define USART1_BRR  REG(0x40011008u)
#define USART1_CR1  REG(0x4001100Cu)

#define SR_RXNE (1u << 5)
#define SR_TXE  (1u << 7)
#define CR1_RE  (1u << 2)
#define CR1_TE  (1u << 3)
#define CR1_UE  (1u << 13)

static const char version_line[] = "benchline-banner " BANNER_VERSION " " BANNER_TARGET;

static void uart_init(void)
{
    RCC_AHB1ENR |= 1u << 0;  /* GPIOAEN */
    RCC_APB2ENR |= 1u << 4;  /* USART1EN */
    /* PA9, PA10: alternate function 7 */
    GPIOA_MODER = (GPIOA_MODER & ~(0xFu << 18)) | (0xAu << 18);
    GPIOA_AFRH = (GPIOA_AFRH & ~(0xFFu << 4)) | (0x77u << 4);
    USART1_BRR = 0x8B;       /* 16 MHz / (16 * 8.6875) = 115108 baud, 0.08 % off 115200 */
    USART1_CR1 = CR1_UE | CR1_TE | CR1_RE;
}

static void uart_putc(char c)
{
    while (!(USART1_SR & SR_TXE)) {
    }
    USART1_DR = (uint8_t)c;
}

static void uart_puts(const char *s)
{
    while (*s) {
        uart_putc(*s++);
    }
}

static char uart_getc(void)
{
    while (!(USART1_SR & SR_RXNE)) {
    }
    return (char)(USART1_DR & 0xFF);
}

void main(void)
{
    uart_init();
    uart_puts(version_line);
    uart_puts(" boot\r\n");

    char line[16];
    unsigned len = 0;
    for (;;) {
        char c = uart_getc();
        if (c == '\r' || c == '\n') {
            if (len == 1 && line[0] == 'v') {
                uart_puts(version_line);
                uart_puts("\r\n");
            } else if (len > 0) {
                uart_puts("?\r\n");
            }
            len = 0;
        } else if (len < sizeof line) {
            line[len++] = c;
        }
    }
}
