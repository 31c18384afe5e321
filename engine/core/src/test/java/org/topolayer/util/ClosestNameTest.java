package org.topolayer.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    @Test
    void theClosestNameIsATypoAwayOrNone() {
        List<String> keys = List.of("seed", "learning-rate", "steps", "trials");
        assertEquals("learning-rate", ClosestName.among("lerning-rate", keys));
        assertEquals("learning-rate", ClosestName.among("learning_rate", keys));
        assertEquals("trials", ClosestName.among("trails", keys)); // a swap of neighbours is one edit
        assertEquals("steps", ClosestName.among("STEPS", keys));
        assertNull(ClosestName.among("momentum", keys));
        assertNull(ClosestName.among("sx", keys)); // two edits are too many for a short name
        assertEquals(1, ClosestName.distance("ab", "ba"));
        assertEquals(3, ClosestName.distance("kitten", "sitting"));
    }

    @Test
    void theHintNamesTheClosestOrListsTheValidNames() {
        List<String> valid = List.of("fail", "reject");
        assertEquals("did you mean 'reject'?", ClosestName.hint("rejct", valid, "policies"));
        assertEquals("valid policies: fail, reject", ClosestName.hint("xyzzy", valid, "policies"));
    }
}
