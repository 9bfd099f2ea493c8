"""MindSpore's ``checkpoint.proto`` (proto2), built at import from a ``FileDescriptorProto``.

The schema, field numbers and labels are MindSpore 2.10's (``mindspore/train/checkpoint_pb2.py``)::

    message Checkpoint {
      message Value {
        required string tag = 1;
        oneof value { TensorProto tensor = 2; MapTensorProto maptensor = 3; }
      }
      repeated Value value = 1;
    }
    message TensorProto {
      repeated int64 dims = 1;
      required string tensor_type = 2;
      required bytes tensor_content = 3;
    }
    message MapTensorProto { repeated TensorProto tensor = 1; }

The classes live in a private descriptor pool, so they coexist with MindSpore's own generated module.
"""
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

_F = descriptor_pb2.FieldDescriptorProto


def _field(message, name, number, label, type_, type_name=None, oneof_index=None):
    field = message.field.add(name=name, number=number, label=label, type=type_)
    if type_name is not None:
        field.type_name = type_name
    if oneof_index is not None:
        field.oneof_index = oneof_index


def _file_descriptor():
    file = descriptor_pb2.FileDescriptorProto(name="checkpoint.proto")
    checkpoint = file.message_type.add(name="Checkpoint")
    _field(checkpoint, "value", 1, _F.LABEL_REPEATED, _F.TYPE_MESSAGE, ".Checkpoint.Value")
    value = checkpoint.nested_type.add(name="Value")
    _field(value, "tag", 1, _F.LABEL_REQUIRED, _F.TYPE_STRING)
    _field(value, "tensor", 2, _F.LABEL_OPTIONAL, _F.TYPE_MESSAGE, ".TensorProto", oneof_index=0)
    _field(value, "maptensor", 3, _F.LABEL_OPTIONAL, _F.TYPE_MESSAGE, ".MapTensorProto", oneof_index=0)
    value.oneof_decl.add(name="value")
    tensor = file.message_type.add(name="TensorProto")
    _field(tensor, "dims", 1, _F.LABEL_REPEATED, _F.TYPE_INT64)
    _field(tensor, "tensor_type", 2, _F.LABEL_REQUIRED, _F.TYPE_STRING)
    _field(tensor, "tensor_content", 3, _F.LABEL_REQUIRED, _F.TYPE_BYTES)
    map_tensor = file.message_type.add(name="MapTensorProto")
    _field(map_tensor, "tensor", 1, _F.LABEL_REPEATED, _F.TYPE_MESSAGE, ".TensorProto")
    return file


FILE_DESCRIPTOR = _file_descriptor()
_pool = descriptor_pool.DescriptorPool()
_pool.Add(FILE_DESCRIPTOR)
Checkpoint = message_factory.GetMessageClass(_pool.FindMessageTypeByName("Checkpoint"))
TensorProto = message_factory.GetMessageClass(_pool.FindMessageTypeByName("TensorProto"))
MapTensorProto = message_factory.GetMessageClass(_pool.FindMessageTypeByName("MapTensorProto"))
