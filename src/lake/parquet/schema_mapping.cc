#include "lake/parquet/schema_mapping.h"

#include "lake/parquet/format.h"

namespace cinelake::parquet {

namespace {

using K = LogicalType::Kind;

SchemaElement Leaf(const std::string& name, int32_t type, int32_t repetition) {
  SchemaElement e;
  e.name = name;
  e.type = type;
  e.repetition = repetition;
  return e;
}

// Smallest FIXED_LEN_BYTE_ARRAY width that holds `precision` decimal digits.
int32_t DecimalBytes(int precision) {
  for (int32_t n = 1; n <= 16; ++n) {
    // Digits representable: floor(log10(2^(8n-1) - 1)).
    long double max = 1;
    for (int i = 0; i < 8 * n - 1; ++i) max *= 2;
    int digits = 0;
    for (long double v = max - 1; v >= 10; v /= 10) ++digits;
    if (digits >= precision) return n;
  }
  return 16;
}

}  // namespace

Status BuildWriteSchema(const Schema& schema, std::vector<SchemaElement>* elements,
                        std::vector<LeafLayout>* leaves) {
  elements->clear();
  leaves->clear();
  SchemaElement root;
  root.name = "schema";
  root.num_children = static_cast<int32_t>(schema.size());
  elements->push_back(root);
  for (const Field& f : schema.fields()) {
    int32_t repetition = f.nullable ? rep::kOptional : rep::kRequired;
    LeafLayout leaf;
    leaf.max_def = f.nullable ? 1 : 0;
    leaf.path = {f.name};
    SchemaElement e;
    switch (f.type) {
      case DataType::kBool: e = Leaf(f.name, ptype::kBoolean, repetition); break;
      case DataType::kInt32: e = Leaf(f.name, ptype::kInt32, repetition); break;
      case DataType::kInt64: e = Leaf(f.name, ptype::kInt64, repetition); break;
      case DataType::kDouble: e = Leaf(f.name, ptype::kDouble, repetition); break;
      case DataType::kString:
        e = Leaf(f.name, ptype::kByteArray, repetition);
        e.converted_type = conv::kUtf8;
        e.logical.kind = K::kString;
        break;
      case DataType::kDate:
        e = Leaf(f.name, ptype::kInt32, repetition);
        e.converted_type = conv::kDate;
        e.logical.kind = K::kDate;
        break;
      case DataType::kTimestamp:
        e = Leaf(f.name, ptype::kInt64, repetition);
        e.converted_type = conv::kTimestampMicros;
        e.logical.kind = K::kTimestamp;
        e.logical.utc = true;
        e.logical.unit = LogicalType::Unit::kMicros;
        break;
      case DataType::kDecimal: {
        if (f.precision < 1 || f.precision > 38 || f.scale < 0 || f.scale > f.precision) {
          return Status::InvalidArgument("column '" + f.name + "': DECIMAL(" + std::to_string(f.precision) +
                                         "," + std::to_string(f.scale) + ") cannot be stored in Parquet");
        }
        if (f.precision <= 18) {
          e = Leaf(f.name, ptype::kInt64, repetition);
        } else {
          e = Leaf(f.name, ptype::kFixedLenByteArray, repetition);
          e.type_length = DecimalBytes(f.precision);
        }
        e.converted_type = conv::kDecimal;
        e.scale = f.scale;
        e.precision = f.precision;
        e.logical.kind = K::kDecimal;
        e.logical.scale = f.scale;
        e.logical.precision = f.precision;
        break;
      }
      case DataType::kStringList: {
        SchemaElement outer;
        outer.name = f.name;
        outer.repetition = repetition;
        outer.num_children = 1;
        outer.converted_type = conv::kList;
        outer.logical.kind = K::kList;
        elements->push_back(outer);
        SchemaElement mid;
        mid.name = "list";
        mid.repetition = rep::kRepeated;
        mid.num_children = 1;
        elements->push_back(mid);
        e = Leaf("element", ptype::kByteArray, rep::kOptional);
        e.converted_type = conv::kUtf8;
        e.logical.kind = K::kString;
        leaf.max_def = (f.nullable ? 1 : 0) + 2;
        leaf.max_rep = 1;
        leaf.path = {f.name, "list", "element"};
        break;
      }
    }
    leaf.physical = *e.type;
    leaf.type_length = e.type_length;
    elements->push_back(std::move(e));
    leaves->push_back(std::move(leaf));
  }
  return Status::OK();
}

namespace {

struct Node {
  int element;
  std::vector<int> children;  // node ids
  int first_leaf = 0;
};

class TreeBuilder {
 public:
  explicit TreeBuilder(const std::vector<SchemaElement>& e) : e_(e) {}

  Status Build(size_t* next, int depth, int* node_id) {
    if (depth > 64) return Status::Corruption("schema nested too deeply");
    if (*next >= e_.size())
      return Status::Corruption("schema has fewer elements than its child counts claim");
    int idx = static_cast<int>((*next)++);
    const SchemaElement& el = e_[idx];
    int id = static_cast<int>(nodes_.size());
    nodes_.push_back(Node{idx, {}, leaves_});
    if (el.type && el.num_children == 0) {
      ++leaves_;
    } else {
      if (el.num_children < 0)
        return Status::Corruption("schema element '" + el.name + "' has a negative child count");
      if (static_cast<size_t>(el.num_children) > e_.size() - *next) {
        return Status::Corruption("schema element '" + el.name +
                                  "' claims more children than the schema holds");
      }
      for (int32_t c = 0; c < el.num_children; ++c) {
        int child;
        RETURN_IF_ERROR(Build(next, depth + 1, &child));
        nodes_[id].children.push_back(child);
      }
    }
    *node_id = id;
    return Status::OK();
  }

  const Node& node(int id) const { return nodes_[id]; }
  const SchemaElement& el(int id) const { return e_[nodes_[id].element]; }
  int leaves() const { return leaves_; }

 private:
  const std::vector<SchemaElement>& e_;
  std::vector<Node> nodes_;
  int leaves_ = 0;
};

bool IsPrimitive(const SchemaElement& e) {
  return e.type.has_value() && e.num_children == 0;
}
int32_t Repetition(const SchemaElement& e) {
  return e.repetition.value_or(rep::kRequired);
}

bool IsDecimal(const SchemaElement& e) {
  return e.logical.kind == K::kDecimal || e.converted_type == conv::kDecimal;
}

// Scalar mapping of one primitive leaf. Sets unsupported on failure.
void MapPrimitive(const SchemaElement& e, ColumnDesc* d) {
  d->physical = *e.type;
  d->type_length = e.type_length;
  Field& f = d->field;
  if (IsDecimal(e)) {
    int precision = e.logical.kind == K::kDecimal ? e.logical.precision : e.precision;
    int scale = e.logical.kind == K::kDecimal ? e.logical.scale : e.scale;
    f.type = DataType::kDecimal;
    f.precision = precision;
    f.scale = scale;
    switch (*e.type) {
      case ptype::kInt32:
      case ptype::kInt64: return;
      case ptype::kFixedLenByteArray:
      case ptype::kByteArray: d->conversion = Conversion::kBigEndianDecimal; return;
      default: d->unsupported = "DECIMAL on an unsupported physical type"; return;
    }
  }
  switch (*e.type) {
    case ptype::kBoolean: f.type = DataType::kBool; return;
    case ptype::kInt32:
      if (e.logical.kind == K::kDate || e.converted_type == conv::kDate) {
        f.type = DataType::kDate;
      } else if ((e.logical.kind == K::kInteger && !e.logical.is_signed && e.logical.bit_width == 32) ||
                 e.converted_type == conv::kUint32) {
        f.type = DataType::kInt64;
        d->conversion = Conversion::kUint32ToInt64;
      } else {
        f.type = DataType::kInt32;
      }
      return;
    case ptype::kInt64:
      if ((e.logical.kind == K::kInteger && !e.logical.is_signed && e.logical.bit_width == 64) ||
          e.converted_type == conv::kUint64) {
        // Values above INT64_MAX have no BIGINT form; refuse rather than wrap.
        d->unsupported = "unsigned 64-bit integers (UINT64) are not supported";
      } else if (e.logical.kind == K::kTimestamp) {
        f.type = DataType::kTimestamp;
        if (e.logical.unit == LogicalType::Unit::kMillis) d->conversion = Conversion::kMillisToMicros;
        if (e.logical.unit == LogicalType::Unit::kNanos) d->conversion = Conversion::kNanosToMicros;
      } else if (e.converted_type == conv::kTimestampMillis) {
        f.type = DataType::kTimestamp;
        d->conversion = Conversion::kMillisToMicros;
      } else if (e.converted_type == conv::kTimestampMicros) {
        f.type = DataType::kTimestamp;
      } else {
        f.type = DataType::kInt64;
      }
      return;
    case ptype::kInt96:
      f.type = DataType::kTimestamp;
      d->conversion = Conversion::kInt96ToMicros;
      return;
    case ptype::kFloat:
      f.type = DataType::kDouble;
      d->conversion = Conversion::kFloatToDouble;
      return;
    case ptype::kDouble: f.type = DataType::kDouble; return;
    case ptype::kByteArray: f.type = DataType::kString; return;
    case ptype::kFixedLenByteArray:
      if (e.type_length < 0) {
        d->unsupported = "negative FIXED_LEN_BYTE_ARRAY length";
        return;
      }
      if (e.logical.kind == K::kFloat16) {
        // Read as text these would be two raw bytes: silent garbage.
        if (e.type_length != 2) {
          d->unsupported = "FLOAT16 on FIXED_LEN_BYTE_ARRAY(" + std::to_string(e.type_length) + "), not (2)";
          return;
        }
        f.type = DataType::kDouble;
        d->conversion = Conversion::kFloat16ToDouble;
        return;
      }
      f.type = DataType::kString;
      return;
    default: d->unsupported = "unknown physical type " + std::to_string(*e.type); return;
  }
}

void MapList(const TreeBuilder& t, int node, ColumnDesc* d) {
  const SchemaElement& outer = t.el(node);
  const Node& n = t.node(node);
  d->field.type = DataType::kStringList;
  d->field.nullable = Repetition(outer) == rep::kOptional;
  if (n.children.size() != 1) {
    d->unsupported = "LIST group with " + std::to_string(n.children.size()) + " children";
    return;
  }
  int rep_node = n.children[0];
  const SchemaElement& repeated = t.el(rep_node);
  if (Repetition(repeated) != rep::kRepeated) {
    d->unsupported = "LIST without a repeated child";
    return;
  }
  int element_node;
  if (IsPrimitive(repeated)) {
    element_node = rep_node;  // legacy 2-level: the repeated field is the element
  } else if (t.node(rep_node).children.size() == 1 && IsPrimitive(t.el(t.node(rep_node).children[0]))) {
    element_node = t.node(rep_node).children[0];
    if (Repetition(t.el(element_node)) == rep::kRepeated) {
      d->unsupported = "nested lists are not supported";
      return;
    }
  } else {
    d->unsupported = "lists of structs or nested lists are not supported";
    return;
  }
  const SchemaElement& el = t.el(element_node);
  ColumnDesc inner;
  MapPrimitive(el, &inner);
  if (!inner.unsupported.empty() || inner.field.type != DataType::kString || *el.type != ptype::kByteArray) {
    d->unsupported = "only lists of strings are supported";
    return;
  }
  d->physical = inner.physical;
  d->type_length = inner.type_length;
  d->list_def = d->field.nullable ? 1 : 0;
  d->item_def = d->list_def + 1;
  d->max_def = d->item_def + (element_node != rep_node && Repetition(el) == rep::kOptional ? 1 : 0);
  d->max_rep = 1;
  d->leaf = t.node(element_node).first_leaf;
}

}  // namespace

Status MapReadSchema(const std::vector<SchemaElement>& elements, std::vector<ColumnDesc>* columns,
                     int* num_leaves) {
  columns->clear();
  if (elements.empty()) return Status::Corruption("empty schema");
  TreeBuilder t(elements);
  size_t next = 0;
  int root;
  RETURN_IF_ERROR(t.Build(&next, 0, &root));
  if (next != elements.size()) return Status::Corruption("schema has elements outside the root");
  if (IsPrimitive(t.el(root))) return Status::Corruption("schema root is not a group");
  for (int child : t.node(root).children) {
    const SchemaElement& e = t.el(child);
    ColumnDesc d;
    d.field.name = e.name;
    if (IsPrimitive(e)) {
      int32_t r = Repetition(e);
      if (r == rep::kRepeated) {
        // A bare repeated field is a list of required items.
        MapPrimitive(e, &d);
        if (d.unsupported.empty() && !(d.field.type == DataType::kString && *e.type == ptype::kByteArray)) {
          d.unsupported = "only repeated strings are supported";
        }
        d.field.type = DataType::kStringList;
        d.field.nullable = false;
        d.list_def = 0;
        d.item_def = 1;
        d.max_def = 1;
        d.max_rep = 1;
      } else {
        MapPrimitive(e, &d);
        d.field.nullable = r == rep::kOptional;
        d.max_def = d.field.nullable ? 1 : 0;
      }
      d.leaf = t.node(child).first_leaf;
    } else if (e.logical.kind == K::kList || e.converted_type == conv::kList) {
      MapList(t, child, &d);
    } else if (e.logical.kind == K::kMap || e.converted_type == conv::kMap ||
               e.converted_type == conv::kMapKeyValue) {
      d.unsupported = "MAP columns are not supported";
    } else {
      d.unsupported = "struct columns are not supported";
    }
    if (!d.unsupported.empty()) d.leaf = -1;
    columns->push_back(std::move(d));
  }
  *num_leaves = t.leaves();
  return Status::OK();
}

}  // namespace cinelake::parquet
