package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.types.Either;

/** The type of {@link Either} values of a left and a right type. */
public class EitherTypeInfo<L, R> extends DynamicTypeInfo<Either<L, R>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<L> leftType;
    private final TypeInformation<R> rightType;

    public EitherTypeInfo(TypeInformation<L> leftType, TypeInformation<R> rightType) {
        this.leftType = leftType;
        this.rightType = rightType;
    }

    public TypeInformation<L> getLeftType() {
        return leftType;
    }

    public TypeInformation<R> getRightType() {
        return rightType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Either<L, R>> getTypeClass() {
        return (Class) Either.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EitherTypeInfo && ((EitherTypeInfo<?, ?>) o).leftType.equals(leftType)
                && ((EitherTypeInfo<?, ?>) o).rightType.equals(rightType);
    }

    @Override
    public int hashCode() {
        return 31 * leftType.hashCode() + rightType.hashCode();
    }

    @Override
    public String toString() {
        return "Either <" + leftType + ", " + rightType + ">";
    }
}
