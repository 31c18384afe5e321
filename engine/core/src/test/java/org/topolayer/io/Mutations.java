package org.topolayer.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutates a valid file's bytes the ways real files go bad, for the readers' fuzz tests: flipped
 * bits, truncation, inserted and deleted bytes, a header field overwritten with an extreme number,
 * a decimal number replaced by NaN, infinities or huge values, a repeated chunk, an empty file.
 * Each mutant is 1 to 3 stacked mutations; the same Random seed gives the same mutants.
 */
final class Mutations {
    private static final String[] NUMBER_TEXT = {"NaN", "nan", "inf", "-Infinity", "1e400", "-1e400", "1e-400",
        "99999999999999999999", "2147483647", "4294967296", "1000000000000", "-1", "-0", "0x10", "1d", "", " ", ",",
        "1,,2", "#", "\u00e9", "\u0000", "3L", "()", "(1000000000000,)"};
    private static final int[] EXTREME_INTS = {0, -1, 1, 255, 0x7FFFFFFF, 0x80000000, 0x7FFFFFF7, 1 << 20, 1_000_000,
        1 << 16, 0xFFFF};
    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xFF, '\n', '\r', ',', ' ', '\t', '#', '-', '.', 'e',
        '9', '(', ')', '\'', ':', (byte) 0x80, 0x1F, (byte) 0x8B};

    private final Random random;

    Mutations(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant of seed and, in {@code log}, what was done to it. */
    byte[] mutate(byte[] seed, StringBuilder log) {
        byte[] bytes = seed;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            bytes = once(bytes, log);
        }
        return bytes;
    }

    private byte[] once(byte[] b, StringBuilder log) {
        int kind = random.nextInt(8);
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (kind) {
            case 0 -> {
                if (b.length > 0) {
                    b = b.clone();
                    int bit = random.nextInt(8);
                    b[at] ^= (byte) (1 << bit);
                    log.append(" flip bit ").append(bit).append(" of byte ").append(at);
                }
            }
            case 1 -> {
                log.append(" truncate to ").append(at);
                b = Arrays.copyOf(b, at);
            }
            case 2 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
                            : (byte) random.nextInt(256);
                }
                log.append(" insert ").append(insert.length).append(" bytes at ").append(at);
                b = splice(b, at, 0, insert);
            }
            case 3 -> {
                int length = Math.min(b.length - at, 1 + random.nextInt(16));
                log.append(" delete ").append(length).append(" bytes at ").append(at);
                b = splice(b, at, length, new byte[0]);
            }
            case 4 -> {
                int value = EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
                ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                at = Math.min(at, 32); // binary headers live at the start
                if (at + 4 <= b.length) {
                    b = b.clone();
                    ByteBuffer.wrap(b).order(order).putInt(at, value);
                    log.append(" write int ").append(value).append(' ').append(order).append(" at ").append(at);
                }
            }
            case 5 -> b = replaceNumber(b, at, log);
            case 6 -> {
                int length = Math.min(b.length - at, 1 + random.nextInt(64));
                log.append(" repeat ").append(length).append(" bytes at ").append(at);
                b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + length));
            }
            default -> {
                if (random.nextInt(20) == 0) {
                    log.append(" empty");
                    b = new byte[0];
                }
            }
        }
        return b;
    }

    /** Replaces the run of digits at or after {@code from} with number-like text. */
    private byte[] replaceNumber(byte[] b, int from, StringBuilder log) {
        int start = from;
        while (start < b.length && !(b[start] >= '0' && b[start] <= '9')) {
            start++;
        }
        int end = start;
        while (end < b.length && ((b[end] >= '0' && b[end] <= '9') || b[end] == '.')) {
            end++;
        }
        String text = NUMBER_TEXT[random.nextInt(NUMBER_TEXT.length)];
        log.append(" replace the number at ").append(start).append(" by '").append(text).append('\'');
        return splice(b, start, end - start, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
