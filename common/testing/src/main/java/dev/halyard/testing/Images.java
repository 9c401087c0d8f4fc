package dev.halyard.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real image bytes for upload tests, made with ImageIO rather than stored in the repository. */
public final class Images {

    private Images() {
    }

    public static byte[] png(int width, int height) {
        return encode("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return encode("jpg", width, height);
    }

    /** A minimal RIFF/WEBP container (ImageIO cannot write WebP); enough for content sniffing. */
    public static byte[] webp() {
        byte[] riff = "RIFF".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "WEBPVP8L".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + 4 + rest.length + 14];
        System.arraycopy(riff, 0, out, 0, 4);
        out[4] = (byte) (out.length - 8);
        System.arraycopy(rest, 0, out, 8, rest.length);
        out[16] = 0x0A;
        out[20] = 0x2F;
        return out;
    }

    /** Random-looking PNG data of roughly {@code bytes} bytes: noise does not compress. */
    public static byte[] largePng(int bytes) {
        int side = (int) Math.ceil(Math.sqrt(bytes / 3.0)) + 1;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return write(image, "png");
    }

    private static byte[] encode(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 128).getRGB());
            }
        }
        return write(image, format);
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
