package dev.halyard.common.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.vertx.mutiny.sqlclient.Tuple;

class BatchesTest {

    @Test
    void rowsBecomeOneTypedArrayPerColumnInRowOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Tuple columns = Batches.columns(List.of(new Object[]{first, "a", 1}, new Object[]{second, null, 2}),
                UUID[]::new, String[]::new, Integer[]::new);

        assertEquals(3, columns.size());
        // typed arrays, so the client binds uuid[], varchar[] and integer[] rather than an array of objects
        assertTrue(columns.getValue(0) instanceof UUID[]);
        assertArrayEquals(new UUID[]{first, second}, (UUID[]) columns.getValue(0));
        assertArrayEquals(new String[]{"a", null}, (String[]) columns.getValue(1));
        assertArrayEquals(new Integer[]{1, 2}, (Integer[]) columns.getValue(2));
    }

    @Test
    void batchesOfDifferentRowsFollowOneAnotherInOneTuple() {
        UUID order = UUID.randomUUID();
        Tuple values = Batches.appendColumns(Tuple.tuple(), List.<Object[]>of(new Object[]{order}), UUID[]::new);
        Batches.appendColumns(values, List.of(new Object[]{order, 0}, new Object[]{order, 1}), UUID[]::new,
                Integer[]::new);

        assertEquals(3, values.size());
        assertArrayEquals(new UUID[]{order}, (UUID[]) values.getValue(0));
        assertArrayEquals(new UUID[]{order, order}, (UUID[]) values.getValue(1));
        assertArrayEquals(new Integer[]{0, 1}, (Integer[]) values.getValue(2));
    }

    @Test
    void aRowOfTheWrongShapeOrTypeIsRefusedBeforeAnythingIsSent() {
        List<Object[]> tooShort = List.<Object[]>of(new Object[]{UUID.randomUUID()});
        assertThrows(IllegalArgumentException.class, () -> Batches.columns(tooShort, UUID[]::new, String[]::new));

        List<Object[]> wrongType = List.<Object[]>of(new Object[]{"not a uuid"});
        assertThrows(ArrayStoreException.class, () -> Batches.columns(wrongType, UUID[]::new));
    }

    @Test
    void noRowsGiveEmptyArrays() {
        Tuple columns = Batches.columns(List.of(), UUID[]::new);
        assertEquals(0, ((UUID[]) columns.getValue(0)).length);
    }
}
