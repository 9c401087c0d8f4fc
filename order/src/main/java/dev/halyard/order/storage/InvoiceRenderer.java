package dev.halyard.order.storage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import dev.halyard.order.domain.Order;

/**
 * Renders an invoice as one self-contained HTML document (inline styles, no scripts, no external resources):
 * printable, archivable for 7 years, and free of the font and AWT machinery PDF libraries drag into a native
 * image. Every value is escaped; product names come from customers.
 */
@ApplicationScoped
public class InvoiceRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    public byte[] render(Order order) {
        StringBuilder rows = new StringBuilder();
        for (Order.Item item : order.items) {
            BigDecimal amount = item.price.multiply(BigDecimal.valueOf(item.quantity));
            rows.append("<tr><td>").append(escape(item.productId)).append("</td><td>")
                    .append(escape(item.productName)).append("</td><td class=n>").append(item.quantity)
                    .append("</td><td class=n>").append(item.price.toPlainString()).append("</td><td class=n>")
                    .append(amount.toPlainString()).append("</td></tr>\n");
        }
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Invoice %1$s</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%%}
                td,th{border-bottom:1px solid #ccc;padding:.4em;text-align:left}.n{text-align:right}</style></head>
                <body>
                <h1>Invoice</h1>
                <p>Order <strong>%1$s</strong><br>Customer %2$s<br>Confirmed %3$s</p>
                <table><thead><tr><th>Product</th><th>Name</th><th class=n>Quantity</th><th class=n>Unit price</th>
                <th class=n>Amount</th></tr></thead>
                <tbody>
                %4$s</tbody>
                <tfoot><tr><th colspan=4>Total</th><th class=n>%5$s</th></tr></tfoot></table>
                <p>Halyard Commerce</p>
                </body></html>
                """.formatted(order.orderId, order.userId, order.confirmedAt.format(DATE), rows,
                order.total.toPlainString());
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
