package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeHint;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.graph.SideOutputNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.OutputTag;

/** The result of an operator: a stream with a name, a parallelism, a declared type and side outputs. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, StreamNode node) {
        super(environment, node);
    }

    public String getName() {
        return node.name();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        node.setName(name);
        return this;
    }

    /** A stable id of the operator (its state is restored by its position in the job in Sluice). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setUidHash(String uidHash) {
        return this;
    }

    /** The operator's parallelism: 1 or the job's (other values are not supported yet). */
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of an operator must be at least 1.");
        }
        node.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        return this;
    }

    /** Declares the type of the records (lambdas do not carry it). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        node.setType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeInformation.of(typeClass));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(TypeInformation.of(typeHint));
    }

    /** Chaining is decided by the job graph builder; these calls change nothing in Sluice. */
    public SingleOutputStreamOperator<T> disableChaining() {
        return this;
    }

    public SingleOutputStreamOperator<T> startNewChain() {
        return this;
    }

    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        return this;
    }

    /** The records this operator emitted to the side output {@code sideOutputTag}. */
    public <X> SideOutputDataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        return new SideOutputDataStream<>(environment, new SideOutputNode(node, sideOutputTag,
                sideOutputTag.getTypeInfo()));
    }
}
