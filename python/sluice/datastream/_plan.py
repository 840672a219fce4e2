"""The execution plan of a Python DataStream program (``StreamExecutionEnvironment.get_execution_plan``): the nodes
of the environment's graph that its sinks read, as Flink's plan JSON."""

_SOURCES = {"collection": "Collection Source", "sequence": "Sequence Source", "datagen": "Data Generator",
            "text_file": "File Source", "java_source": "Java Source", "kafka_source": "Kafka Source",
            "java": "Table"}
_SHIP = {"rebalance": "REBALANCE", "global": "GLOBAL", "broadcast": "BROADCAST", "forward": "FORWARD",
         "custom": "CUSTOM"}
_SINKS = {"print": "Print to Std. Out", "file": "File Sink", "kafka": "Kafka Sink", "java_sink": "Java Sink",
          "discard": "Discard"}


def execution_plan(nodes, sinks, parallelism):
    """``{"nodes": [...]}`` for ``sinks`` (dicts with ``input``) over ``nodes`` (the graph's node dicts by id)."""
    plan = {}
    order = []

    def inputs(node_id, ship):
        """The plan nodes that feed node ``node_id``'s consumers, as (plan id, ship strategy): partitions, unions
        and side outputs are edges of the plan, not nodes."""
        n = nodes[node_id]
        kind = n["kind"]
        if kind == "partition":
            return inputs(n["input"], _SHIP.get(n.get("how"), "REBALANCE"))
        if kind == "union":
            return [e for i in n["inputs"] for e in inputs(i, ship)]
        if kind == "side_output":
            return inputs(n["input"], ship)
        visit(node_id)
        return [(node_id, ship)]

    def visit(node_id):
        if node_id in plan:
            return
        n = nodes[node_id]
        kind = n["kind"]
        p = n.get("parallelism") or (1 if kind == "collection" else parallelism)
        if kind in _SOURCES:
            name = "Source: " + (n.get("name") or _SOURCES[kind])
            entry = {"id": node_id, "type": name, "pact": "Data Source", "contents": name, "parallelism": p}
        else:
            name = n.get("name") or ("Timestamps/Watermarks" if kind == "watermarks" else kind)
            entry = {"id": node_id, "type": name, "pact": "Operator", "contents": name, "parallelism": p}
            predecessors = []
            ins = n.get("inputs", [n["input"]] if "input" in n else [])
            for side, i in enumerate(ins):
                ship = "HASH" if n.get("keyed") else "FORWARD"
                if side == 1 and n.get("broadcast_second"):
                    ship = "BROADCAST"
                for pid, strategy in inputs(i, ship):
                    predecessors.append({"id": pid, "ship_strategy": strategy,
                                         "side": "first" if side == 0 and len(ins) > 1 else "second"})
            entry["predecessors"] = predecessors
        plan[node_id] = entry
        order.append(node_id)

    out = []
    next_id = len(nodes)
    for sink in sinks:
        predecessors = [{"id": pid, "ship_strategy": strategy, "side": "second"}
                        for pid, strategy in inputs(sink["input"], "FORWARD")]
        name = sink.get("name") or _SINKS.get(sink.get("kind", "print"), "Sink")
        out.append({"id": next_id, "type": "Sink: " + name, "pact": "Data Sink", "contents": "Sink: " + name,
                    "parallelism": max([plan[p["id"]]["parallelism"] for p in predecessors] or [parallelism]),
                    "predecessors": predecessors})
        next_id += 1
    return {"nodes": [plan[i] for i in sorted(order)] + out}
