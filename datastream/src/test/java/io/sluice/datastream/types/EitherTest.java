package io.sluice.datastream.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.types.Either;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Either} values and {@code Types.EITHER}: results or errors carried through a keyed exchange. */
class EitherTest {
    @Test
    void eitherValuesCrossAnExchange() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        TypeInformation<Either<String, Integer>> type = Types.EITHER(Types.STRING, Types.INT);
        List<String> out = env.fromData("1", "x", "3")
                .map(s -> s.matches("\\d+") ? Either.<String, Integer>Right(Integer.parseInt(s))
                        : Either.<String, Integer>Left("not a number: " + s)).returns(type)
                .keyBy(e -> e.isLeft() ? "error" : "ok")
                .map(e -> e.isRight() ? "ok " + (e.right() * 10) : e.left()).returns(Types.STRING)
                .executeAndCollect(10);
        out.sort(null);
        assertEquals(List.of("not a number: x", "ok 10", "ok 30"), out);
        assertEquals("Either <String, Integer>", type.toString());
        Either<String, Integer> left = Either.Left("a");
        assertTrue(left.isLeft());
        assertThrows(IllegalStateException.class, left::right);
        assertEquals(Either.Right(1), Either.Right(1));
    }
}
