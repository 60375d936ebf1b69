package dev.lamina.runtime.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.spec.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenReaderTest {
    @Test
    void readsEveryCaseAndItsShapesAgreeWithTheSpecRules() {
        List<GoldenCase> cases = GoldenCases.all();
        assertThat(cases).isNotEmpty();
        for (GoldenCase c : cases) {
            List<Shape> shapes = c.model().shapes();
            assertThat(shapes.subList(1, shapes.size())).as(c.name()).isEqualTo(c.expectShapes());
        }
    }

    @Test
    void readsTheShapeTable() {
        assertThat(GoldenCases.shapeCases()).extracting(GoldenShapeCase::name).contains("seed_valid_119");
    }
}
