"""Argument checks of ``mindspore.dataset``, raising MindSpore's own messages."""
import os

INT32_MAX = 2147483647
INT64_MAX = 9223372036854775807
UINT32_MAX = 4294967295
UINT8_MAX = 255
FLOAT_MAX_INTEGER = 16777216
FLOAT_MIN_INTEGER = -16777216


def type_check(arg, types, arg_name):
    """TypeError unless ``arg`` is one of ``types`` (a bool is not an int unless bool is listed)."""
    if int in types and bool not in types and isinstance(arg, bool):
        raise TypeError(f"Argument {arg_name} with value {arg} is not of type {types}, but got {type(arg)}.")
    if not isinstance(arg, types):
        value = '""' if repr(arg) == repr("") else arg
        raise TypeError(f"Argument {arg_name} with value {value} is not of type {list(types)}, but got {type(arg)}.")


def type_check_list(args, types, arg_names):
    type_check(args, (list, tuple), arg_names)
    if isinstance(arg_names, str):
        arg_names = [f"{arg_names}[{i}]" for i in range(len(args))]
    for arg, name in zip(args, arg_names):
        type_check(arg, types, name)


def check_value(value, valid_range, arg_name="", left_open=False, right_open=False):
    """ValueError unless ``value`` lies in ``valid_range`` (closed unless an end is marked open)."""
    low, high = valid_range
    if (value <= low if left_open else value < low) or (value >= high if right_open else value > high):
        name = arg_name + " " if arg_name else ""
        raise ValueError(f"Input {name}is not within the required interval of {'(' if left_open else '['}{low}, "
                         f"{high}{')' if right_open else ']'}.")


def check_positive(value, arg_name=""):
    if value <= 0:
        raise ValueError(f"Input {arg_name + ' ' if arg_name else ''}must be greater than 0.")


def check_pos_int32(value, arg_name=""):
    type_check(value, (int,), arg_name)
    check_value(value, [1, INT32_MAX], arg_name)


def check_uint8(value, arg_name=""):
    type_check(value, (int,), arg_name)
    check_value(value, [0, UINT8_MAX], arg_name)


def check_float32(value, arg_name=""):
    type_check(value, (float, int), arg_name)
    check_value(value, [FLOAT_MIN_INTEGER, FLOAT_MAX_INTEGER], arg_name)


def check_valid_str(value, valid_strings, arg_name=""):
    type_check(value, (str,), arg_name)
    if value not in valid_strings:
        raise ValueError(f"Input {arg_name} is not within the valid set of {valid_strings}.")


def check_columns(columns, name):
    """A column name or a non-empty list of distinct, non-empty column names."""
    type_check(columns, (list, str), name)
    if isinstance(columns, str):
        if not columns:
            raise ValueError(f"{name} should not be an empty str.")
        return
    if not columns:
        raise ValueError(f"{name} should not be empty.")
    for i, column in enumerate(columns):
        if not column:
            raise ValueError(f"{name}[{i}] should not be empty.")
    type_check_list(columns, (str,), name)
    if len(set(columns)) != len(columns):
        raise ValueError("Every column name should not be same with others in column_names.")


def check_num_parallel_workers(value):
    type_check(value, (int,), "num_parallel_workers")
    if value < 1 or value > os.cpu_count():
        raise ValueError(f"num_parallel_workers exceeds the boundary between 1 and {os.cpu_count()}!")


def check_num_samples(value):
    type_check(value, (int,), "num_samples")
    if value < 0 or value > INT64_MAX:
        raise ValueError(f"num_samples exceeds the boundary between 0 and {INT64_MAX}(INT64_MAX)!")


def validate_dataset_param_value(names, params, param_type):
    for name in names:
        value = params.get(name)
        if value is None:
            continue
        if name == "num_parallel_workers":
            check_num_parallel_workers(value)
        if name == "num_samples":
            check_num_samples(value)
        else:
            type_check(value, (param_type,), name)


def check_dir(dataset_dir):
    type_check(dataset_dir, (str,), "dataset_dir")
    if not os.path.isdir(dataset_dir) or not os.access(dataset_dir, os.R_OK):
        raise ValueError(f"The folder {dataset_dir} does not exist or is not a directory or permission denied!")


def check_dataset_num_shards_shard_id(num_shards, shard_id):
    if (num_shards is None) != (shard_id is None):
        raise ValueError("num_shards and shard_id need to be passed in together.")
    if num_shards is not None:
        check_pos_int32(num_shards, "num_shards")
        if shard_id >= num_shards:
            raise ValueError("shard_id should be less than num_shards.")


def check_sampler_shuffle_shard_options(params):
    """The checks of the file datasets (MNIST, CIFAR): a sampler excludes shuffle, sharding and num_samples."""
    shuffle, sampler = params.get("shuffle"), params.get("sampler")
    num_shards, shard_id = params.get("num_shards"), params.get("shard_id")
    if sampler is not None:
        if shuffle is not None:
            raise RuntimeError("sampler and shuffle cannot be specified at the same time.")
        if num_shards is not None or shard_id is not None:
            raise RuntimeError("sampler and sharding cannot be specified at the same time.")
        if params.get("num_samples") is not None:
            raise RuntimeError("sampler and num_samples cannot be specified at the same time.")
    if num_shards is not None:
        check_pos_int32(num_shards, "num_shards")
        if shard_id is None:
            raise RuntimeError("num_shards is specified and currently requires shard_id as well.")
        check_value(shard_id, [0, num_shards - 1], "shard_id")
    if num_shards is None and shard_id is not None:
        raise RuntimeError("shard_id is specified but num_shards is not.")
