"""MindSpore 2.10's primitive classes by name, for the modules that hold them (``mindspore.ops.auto_generate``,
``mindspore.ops.operations.nn_ops``, ...): a name MindSpore has and mindshim lacks imports and constructs (as
MindSpore's CPU build constructs its Ascend-only primitives), and calling it raises NotImplementedError naming it;
any other missing name is an ordinary missing attribute."""
import importlib
import importlib.util

from .._unsupported import module_getattr
from .primitive import Primitive

# The Primitive classes of MindSpore 2.10's ``mindspore.ops.auto_generate`` and ``mindspore.ops.operations.*``.
MINDSPORE_PRIMITIVES = frozenset("""
    ACos ACosGrad AShardIdentity Abs AbsGrad AccumulateNV2 AcosExt Acosh AcoshExt AcoshGrad ActULQClampMaxGrad
    ActULQClampMinGrad ActsULQ ActsULQInputGrad Adam AdamNoUpdateParam AdamW AdamWeightDecay AdaptiveAvgPool1D
    AdaptiveAvgPool2D AdaptiveAvgPool2DExt AdaptiveAvgPool2DGrad AdaptiveAvgPool2DGradExt AdaptiveAvgPool3D
    AdaptiveAvgPool3DExt AdaptiveAvgPool3DGrad AdaptiveAvgPool3DGradExt AdaptiveMaxPool1D AdaptiveMaxPool2D
    AdaptiveMaxPool2DGrad AdaptiveMaxPool3D AdaptiveMaxPool3DGrad Add AddExt AddLayerNormGrad AddLayerNormV2 AddN
    AddRmsNorm AddScalar AddV2 Addbmm Addcdiv AddcdivExt Addcmul AddcmulExt Addmm Addmv AdjustContrastv2 AdjustHue
    AdjustSaturation AffineGrid AffineGridGrad AllFinite AllGather AllGatherMatmul AllGatherV AllReduce AlltoAll
    AlltoAllV AlltoAllVC Angle AntiQuant Any AnyExt ApplyAdaMax ApplyAdadelta ApplyAdagrad ApplyAdagradDA
    ApplyAdagradV2 ApplyAdamW ApplyAdamWithAmsgrad ApplyAdamWithAmsgradV2 ApplyAddSign ApplyCamePart1
    ApplyCamePart2 ApplyCamePart3 ApplyCamePart4 ApplyCenteredRMSProp ApplyFtrl ApplyGradientDescent
    ApplyKerasMomentum ApplyMomentum ApplyPowerSign ApplyProximalAdagrad ApplyProximalGradientDescent ApplyRMSProp
    ApplyRotaryPosEmb ApproximateEqual Arange ArgMaxExt ArgMaxWithValue ArgMinExt ArgMinWithValue ArgSort Argmax
    Argmin ArgminV2 AsStrided Asin AsinExt AsinGrad Asinh AsinhExt AsinhGrad Assert Assign AssignAdd AssignSub Atan
    Atan2 Atan2Ext AtanExt AtanGrad Atanh AvgPool AvgPool1D AvgPool2D AvgPool2DGrad AvgPool3D AvgPool3DExt
    AvgPool3DGrad AvgPool3DGradExt AvgPoolGrad AvgPoolGradGe AvgPoolGradV1 AvgPoolGradVm AvgPoolV1
    BCEWithLogitsLoss BNTrainingReduceGrad BNTrainingUpdateGrad Baddbmm Barrier BartlettWindow BasicLSTMCell
    BasicLSTMCellCStateGrad BasicLSTMCellInputGrad BasicLSTMCellWeightGrad BatchDilatePolys BatchEnqueue
    BatchISendIRecv BatchMatMul BatchMatMulExt BatchNorm BatchNormElemt BatchNormElemtGrad BatchNormExt
    BatchNormFold BatchNormFold2 BatchNormFold2D BatchNormFold2Grad BatchNormFold2GradD BatchNormFold2GradReduce
    BatchNormFoldD BatchNormFoldGrad BatchNormFoldGradD BatchNormGatherStatsWithCounts BatchNormGrad
    BatchNormGradExt BatchNormGradGrad BatchNormReduceGrad BatchNormStats BatchToSpace BatchToSpaceND
    BatchToSpaceNDV2 Bernoulli BernoulliExt BesselI0 BesselI0e BesselI1 BesselI1e BesselJ0 BesselJ1 BesselK0
    BesselK0e BesselK1 BesselK1e BesselY0 BesselY1 Betainc BiasAdd BiasAddGrad BinaryCrossEntropy
    BinaryCrossEntropyGrad BinaryCrossEntropyWithLogitsBackward Bincount BincountExt BitwiseAnd BitwiseAndScalar
    BitwiseAndTensor BitwiseNot BitwiseOr BitwiseOrScalar BitwiseOrTensor BitwiseXor BitwiseXorScalar
    BitwiseXorTensor BlackmanWindow BoolNot BoundingBoxDecode BoundingBoxEncode Broadcast BroadcastTo
    BroadcastToView Bucketize COO2CSR CSR2COO CSRDiv CSRGather CSRMM CSRMV CSRMul CSRReduceSum
    CSRSparseMatrixToDense CSRSparseMatrixToSparseTensor CTCGreedyDecoder CTCLoss CTCLossV2 CTCLossV2Grad
    CacheSwapTable Cast Cauchy Cdist CdistGrad CeLU Ceil CellBackwardHook Centralization ChannelShuffle CheckBprop
    CheckNumerics CheckValid Cholesky CholeskyGrad CholeskyInverse CholeskySolve CholeskyTrsm Chunk ChunkView
    ClampScalar ClampTensor ClipByNorm Clone Coalesce Col2Im Col2ImExt Col2ImGrad CollectiveGather
    CollectiveScatter CombinedNonMaxSuppression CompareAndBitpack Complex ComplexAbs ComputeAccidentalHits Concat
    ConcatOffset ConcatOffsetV1 ConfusionMatrix ConfusionMulGrad Conj ConjugateTranspose ConstantPadND Contiguous
    Conv1DExt Conv1DPadding Conv2D Conv2DBackpropFilter Conv2DBackpropInput Conv2DExt Conv2DPadding Conv2DTranspose
    Conv3D Conv3DBackpropFilter Conv3DBackpropInput Conv3DExt Conv3DPadding Conv3DTranspose ConvTbc ConvTranspose2D
    ConvertToDynamic Convolution ConvolutionGrad ConvolutionStr ConvolutionStrGrad Copy CopyToDevice CopyToHost
    CopyWithSlice CorrectionMul CorrectionMulGrad CorrectionMulGradReduce Correlate Cos Cosh CosineEmbeddingLoss
    CountNonZero CreateSymmetricMemory CropAndResize CropAndResizeGradBoxes CropAndResizeGradImage Cross
    CrossEntropyLoss CrossEntropyLossGrad CudnnGRU CumProd CumSum Cummax Cummin CumminExt CumsumExt
    CumulativeLogsumexp CusBatchMatMul CusCholeskyTrsm CusFusedAbsMax1 CusImg2Col CusMatMulCube
    CusMatMulCubeDenseLeft CusMatMulCubeDenseRight CusMatMulCubeFraczLeftCast CusMatMulCubeFraczRightMul
    CusMatrixCombine CusTranspose02314 Custom DCT DCTN DSDGrad DSDMatmul DType DataFormatDimMap
    DataFormatVecPermute DecodeImage DeformableOffsets DeformableOffsetsGrad Dense DenseToCSRSparseMatrix
    DenseToDenseSetOperation DenseToSparseSetOperation Depend DepthToSpace DepthwiseConv2dNative
    DepthwiseConv2dNativeBackpropFilter DepthwiseConv2dNativeBackpropInput Dequant DequantSwigluQuant Dequeue
    DetTriangle Detach Diag DiagExt DiagPart Diagonal DiagonalView Digamma Dilation2D Dilation2DBackpropFilter
    Dilation2DBackpropInput DistCommAllGather DistCommAllGatherIntoTensor DistCommAllGatherIntoTensorUneven
    DistCommAllReduce DistCommAllToAllV DistCommAllToAllVC DistCommAllToAllVSingle DistCommBarrier
    DistCommBatchIsendIrecv DistCommBroadcast DistCommGather DistCommGatherIntoTensor DistCommIrecv DistCommIsend
    DistCommReduce DistCommReduceScatter DistCommReduceScatterTensor DistCommReduceScatterTensorUneven
    DistCommScatter DistCommScatterTensor Div DivMod DivMods DivNoNan Divs Dot Dropout Dropout2D Dropout2dExt
    Dropout3D DropoutDoMask DropoutDoMaskExt DropoutExt DropoutGenMask DropoutGenMaskExt DropoutGrad DropoutGradExt
    DtypeToEnum DumpGradient DynamicAssign DynamicBlockQuant DynamicBroadcastGradientArgs DynamicBroadcastTo
    DynamicGRUV2 DynamicGRUV2Grad DynamicNTK DynamicQuantExt DynamicRNN DynamicRNNGrad DynamicResizeNearestNeighbor
    DynamicShape DynamicStitch EditDistance Eig Eigh Einsum EinsumExt EinsumGrad Elu EluExt EluGrad EluGradExt
    Embedding EmbeddingDenseBackward EmbeddingLookup EmbeddingLookupCommGrad Empty EmptyLike Eps EqScalar Equal
    EqualCount EqualExt Erf Erfc Erfinv ErrorOnDynamicShapeInput EuclideanNorm Exp Exp2 Expand ExpandAs ExpandDims
    ExpandDimsView Expm1 ExtractGlimpse ExtractImagePatches ExtractVolumePatches Eye FFN FFNExt FFT FFT2 FFTFreq
    FFTN FFTOrtho FFTShapeCopy FFTShift FFTWithSize FakeLearnedScaleQuantPerChannel
    FakeLearnedScaleQuantPerChannelGrad FakeLearnedScaleQuantPerChannelGradD
    FakeLearnedScaleQuantPerChannelGradDReduce FakeLearnedScaleQuantPerLayer FakeLearnedScaleQuantPerLayerGrad
    FakeLearnedScaleQuantPerLayerGradD FakeLearnedScaleQuantPerLayerGradDReduce FakeQuantParam FakeQuantPerChannel
    FakeQuantPerChannelGrad FakeQuantPerLayer FakeQuantPerLayerGrad FakeQuantWithMinMaxVars
    FakeQuantWithMinMaxVarsGradient FakeQuantWithMinMaxVarsPerChannel FakeQuantWithMinMaxVarsPerChannelGradient
    FastGeLU FastGeLUGrad FastGelu Fill FillDiagonal FillScalar FillTensor FillV2 Fills FlashAttentionScore
    FlashAttentionScoreGrad Flatten FlattenExt FlattenGrad FloatStatus Floor FloorDiv FloorDivScalar FloorMod Fmax
    Fmin FmodScalar FmodTensor ForiLoop Format FormatCast Frac FractionalAvgPool FractionalAvgPoolGrad
    FractionalMaxPool FractionalMaxPool3DGradWithFixedKsize FractionalMaxPool3DWithFixedKsize FractionalMaxPoolGrad
    FractionalMaxPoolGradWithFixedKsize FractionalMaxPoolWithFixedKsize Free FullLike FuncDropoutExt FuncMaxPool2D
    FusedAdaFactor FusedAdaFactorWithGlobalNorm FusedAddTopKDiv FusedBatchNorm FusedBatchNormEx
    FusedCastAdamWeightDecay FusedInferAttentionScore FusedSparseAdam FusedSparseFtrl FusedSparseLazyAdam
    FusedSparseProximalAdagrad FusedWeightScaleApplyMomentum GLU GRUV2 GRUV2Grad Gamma Gather GatherD GatherDGradV2
    GatherNd GatherNdExt GatherV2 Gcd GeLU GeLUGrad GeSwitch Gelu GeluExt GeluGradExt GenerateEodMask
    GenerateEodMaskV2 Generator Geqrf Ger GetData GetGrad GetMem GetNext GetShape GetitemTensorIndexInfo GluGrad
    Gmm GmmBackward GmmBackwardFusion GmmV2 GmmV2Backward GmmV2BackwardFusion GpuConvertToDynamicShape Greater
    GreaterEqual GreaterEqualScalar GridSampler2D GridSampler2DGrad GridSampler3D GridSampler3DGrad GroupNorm
    GroupNormGrad GroupTopk GroupedMatmul GroupedMatmulV2 GroupedMatmulV4 GruGradData GruGradWeight HFFT HFFT2
    HFFTN HSVToRGB HShrink HShrinkGrad HSigmoid HSigmoidGrad HSwish HSwishGrad HammingWindow Hardtanh HardtanhGrad
    Heaviside HistcExt Histogram HistogramFixedWidth HistogramSummary HookBackward Hypot IDCT IDCTN IFFT IFFT2
    IFFTN IFFTShift IFMR IHFFT IHFFT2 IHFFTN IOU IRFFT IRFFT2 IRFFTDouble IRFFTN Identity IdentityN Igamma
    IgammaGradA Igammac Im2Col Im2ColExt Imag ImagView ImageSummary InSequence InTopK IncreFlashAttention Index
    IndexAdd IndexAddExt IndexFill IndexFillScalar IndexFillTensor IndexPut IndexSelect InnerCommAllGather
    InnerCommAllReduce InnerCommAllToAllV InnerCommIrecv InnerCommIsend InnerCommReduceScatter InnerIndex
    InnerInplaceIndexPut InnerMoeTokenUnpermute InnerNonZero InnerUnique InplaceAdd InplaceAddExt InplaceAddmm
    InplaceAddr InplaceAddsExt InplaceBernoulliScalar InplaceBernoulliTensor InplaceClampScalar InplaceClampTensor
    InplaceCopy InplaceDiv InplaceDivMod InplaceDivMods InplaceDivs InplaceElu InplaceErfinv InplaceExp
    InplaceExponential InplaceFillDiagonal InplaceFillScalar InplaceFillTensor InplaceFloor InplaceFloorDivide
    InplaceFloorDivides InplaceGroupedMatmulAdd InplaceHardtanh InplaceIndexAdd InplaceIndexAddExt InplaceIndexCopy
    InplaceIndexFillScalar InplaceIndexFillTensor InplaceIndexPut InplaceLog InplaceMaskedFillScalar
    InplaceMaskedFillTensor InplaceMaskedScatter InplaceMatmulAdd InplaceMul InplaceMuls InplaceNormal InplacePut
    InplaceRandom InplaceReLU InplaceRemainderTensorScalar InplaceRemainderTensorTensor InplaceScatterAdd
    InplaceScatterSrc InplaceScatterSrcReduce InplaceScatterValue InplaceScatterValueReduce InplaceSiLU
    InplaceSigmoid InplaceSign InplaceStopGradient InplaceSub InplaceSubExt InplaceSubScalar InplaceTanh
    InplaceThreshold InplaceToDevice InplaceUniform InplaceUpdate InplaceUpdateV2 InplaceZero InsertGemV2InBackward
    InsertGradientOf InstanceNorm InstanceNormGrad InstanceNormV2 InstanceNormV2Grad Inv InvGrad Invert
    InvertPermutation IsClose IsConstant IsDimUnKnown IsFinite IsInf IsInstance IsNan IsNegInf IsParameter
    IsSubClass KLDiv KLDivGrad KLDivLoss KLDivLossGrad KMeansCentroids KVCacheMgr KVCacheScatterUpdate Kthvalue
    KvScaleCache L1LossBackwardExt L1LossExt L2Loss L2Normalize L2NormalizeGrad LARSUpdate LRN LRNGrad LSTM
    LSTMGrad LSTMGradData LSTMGradWeight LSTMV2 Lamb LambApplyOptimizerAssign LambApplyWeightAssign LayerNorm
    LayerNormExt LayerNormGrad LayerNormGradExt LayerNormGradGrad LayerNormGradV3 LayerNormV3 Lcm LeakyReLUExt
    LeakyReLUGradExt LeftShift Lerp LerpScalar Less LessEqual LessScalar Lgamma LightningIndexer
    LightningIndexerGrad LinSpace LinSpaceExt LinalgQr LinalgVectorNorm ListAppend ListAppendAndInsertGrad ListDiff
    ListInsert ListToTensor ListToTuple Load LoadIm2Col Log Log10 Log1p Log2 LogAddExp LogAddExp2
    LogMatrixDeterminant LogNormalReverse LogSigmoid LogSigmoidGrad LogSoftmax LogSoftmaxExt LogSoftmaxGrad
    LogSpace LogSumExp LogUniformCandidateSampler LogicalAnd LogicalNot LogicalOr LogicalXor Logit LogitGrad
    LowerBound LpNorm LpNormV2 Lstsq LstsqV2 LstsqV2Grad Lu LuSolve LuUnpack LuUnpackGrad MSELossExt MSELossGradExt
    MapCacheIdx MapTensorErase MapTensorGet MapTensorGetData MapTensorGetGrad MapTensorGetKeys MapTensorGetValues
    MapTensorPut MapUniform MaskedFill MaskedFillScalar MaskedScatter MaskedSelect MaskedSelectGrad MatMul
    MatMulExt MatmulAllReduceAddRmsNorm MatmulDDS MatmulDDSGrad MatmulReduceScatter MatrixBandPart
    MatrixDeterminant MatrixDiag MatrixDiagPart MatrixDiagPartV3 MatrixDiagV3 MatrixExp MatrixInverse
    MatrixInverseExt MatrixLogarithm MatrixPower MatrixSetDiag MatrixSetDiagV3 MatrixSolve MatrixSolveLs
    MatrixTriangularSolve Max MaxDim MaxPool MaxPool3D MaxPool3DGrad MaxPool3DGradGrad MaxPool3DGradWithArgmax
    MaxPool3DWithArgmax MaxPoolGrad MaxPoolGradGrad MaxPoolGradGradWithArgmax MaxPoolGradV1 MaxPoolGradWithArgmax
    MaxPoolGradWithArgmaxV2 MaxPoolGradWithIndices MaxPoolGradWithMask MaxPoolV1 MaxPoolWithArgmax
    MaxPoolWithArgmaxV2 MaxPoolWithIndices MaxPoolWithMask MaxUnpool2D MaxUnpool2DExt MaxUnpool2DGrad MaxUnpool3D
    MaxUnpool3DGrad Maximum MaximumGrad MaximumGradGrad MeanExt Median MedianDim MedianExt MedianGrad Merge
    Meshgrid Min MinDim MinMaxUpdatePerChannel MinMaxUpdatePerLayer Minimum MinimumGrad MinimumGradGrad MirrorPad
    MirrorPadGrad Mish MishExt MishGradExt MixedPrecisionCast Mla MlaPreprocess Mm Mod MoeComputeExpertTokens
    MoeDistributeCombine MoeDistributeDispatch MoeFinalizeRouting MoeGatingTopKSoftmax MoeInitRouting
    MoeInitRoutingV2 MoeTokenPermute MoeTokenPermuteGrad MoeTokenUnpermute MoeTokenUnpermuteGrad Morph MoveTo Mul
    MulNoNan Muls MultiMarginLoss MultiMarginLossGrad MultiScaleDeformableAttn MultiScaleDeformableAttnGrad
    MultilabelMarginLoss MultilabelMarginLossGrad Multinomial MultinomialExt MultinomialWithReplacement Mv Mvlgamma
    MvlgammaGrad NLLLoss NLLLoss2d NLLLoss2dGrad NLLLossGrad NMSWithMask NPUAllocFloatStatus NPUClearFloatStatus
    NPUClearFloatStatusV2 NPUGetFloatStatus NPUGetFloatStatusV2 NanToNum Nansum Narrow NarrowView Neg
    NeighborExchange NeighborExchangeV2 NeighborExchangeV2Grad NewEmpty NewFull NewIm2Col NewOnes NewZeros
    NextAfter NoRepeatNGram NonDeterministicInts NonMaxSuppressionV3 NonMaxSuppressionWithOverlaps NonZero
    NonZeroExt NonZeroWithValue NonZeroWithValueShape Norm NormalFloatFloat NormalFloatTensor NormalTensorFloat
    NormalTensorTensor NotEqual NpuGelu NsaCompress NsaCompressAttention NsaCompressGrad NsaSelectAttention
    NsaSelectAttentionGrad NthElement NuclearNorm OCRDetectionPostHandle OCRDetectionPreHandle OCRFindContours
    OCRIdentifyPreHandle OCRRecognitionPreHandle OneHot OneHotExt Ones OnesLike OnesLikeExt Orgqr Ormqr Outer PReLU
    PReLUGrad PSROIPooling PSROIPoolingGrad Pack Pad PadAndShift PadV3 PadV3Grad Padding PagedAttention
    PagedAttentionMask ParallelConcat ParallelResizeBilinear ParallelResizeBilinearGrad
    ParameterizedTruncatedNormal Partial PartitionedCall Pdist PdistGrad PixelShuffle Poisson Polar Polygamma
    PopulationCount Pow PowScalarTensor PowTensorScalar Primitive PrimitiveWithCheck PrimitiveWithInfer Print
    ProdExt ProdForceSeA PromptFlashAttention PsROIPooling PsROIPoolingGrad Pull Push PutMem PutMemSignal PyExecute
    PyFunc PyInterpret Qr Quant QuantBatchMatmul QuantLinearSparse QuantMatmul QuantV2 Quantile RFFT RFFT2 RFFTFreq
    RFFTN RGBToHSV RNNTLoss ROIAlign ROIAlignGrad RaggedRange RaggedTensorToSparse RaggedTensorToTensor RandExt
    RandInt RandIntLike RandLikeExt Randn RandnLike RandomCategorical RandomChoiceWithMask RandomGamma
    RandomGammaGrad RandomPoisson RandomShuffle Randperm RandpermExt RandpermV2 Range RangeV2 Rank ReLU ReLU6
    ReLU6Grad ReLUV3 Real RealDiv RealView Receive Reciprocal ReciprocalGrad Reduce ReduceAll ReduceAny ReduceMax
    ReduceMean ReduceMin ReduceProd ReduceScatter ReduceScatterV ReduceStd ReduceSum RefToEmbed ReflectionPad1D
    ReflectionPad1DGrad ReflectionPad2D ReflectionPad2DGrad ReflectionPad3D ReflectionPad3DGrad ReluGrad
    RemainderScalarTensor RemainderTensorScalar RemainderTensorTensor Renorm Repeat RepeatInterleaveGrad
    RepeatInterleaveInt RepeatInterleaveTensor ReplicationPad1D ReplicationPad1DGrad ReplicationPad2D
    ReplicationPad2DGrad ReplicationPad3D ReplicationPad3DGrad Reshape ReshapeAndCache Reshard ResizeAndClipPolys
    ResizeArea ResizeBicubic ResizeBicubicGrad ResizeBilinearGrad ResizeBilinearV2 ResizeLinear1D
    ResizeLinear1DGrad ResizeNearestNeighbor ResizeNearestNeighborGrad ResizeNearestNeighborV2
    ResizeNearestNeighborV2Grad ResizeV2 ResizeV2Grad Reusing ReverseSequence ReverseV2 RightShift
    RingAttentionUpdate Rint RmsNorm RmsNormGrad Roll RotaryPositionEmbedding RotaryPositionEmbeddingGrad
    RotatedIou Round Rsqrt RsqrtGrad SGD STFT SameTypeShape SampleDistortedBoundingBoxV2 ScalarAdd ScalarBool
    ScalarCast ScalarDiv ScalarEq ScalarFloorDiv ScalarGe ScalarGt ScalarLe ScalarLog ScalarLt ScalarMax ScalarMin
    ScalarMod ScalarMul ScalarPow ScalarSub ScalarSummary ScalarToArray ScalarToTensor ScalarUadd ScalarUsub
    ScaleAndTranslate ScaleAndTranslateGrad ScaleGrad Scan Scatter ScatterAdd ScatterAddExt ScatterAddWithAxis
    ScatterDiv ScatterMax ScatterMin ScatterMul ScatterNd ScatterNdAdd ScatterNdDiv ScatterNdMax ScatterNdMin
    ScatterNdMul ScatterNdSub ScatterNdUpdate ScatterNonAliasingAdd ScatterSub ScatterUpdate ScatterValue SeLU
    SeLUExt SearchSorted SegmentMax SegmentMean SegmentMin SegmentProd SegmentSum Select SelectExtView SelectV2
    SelectView SelfAdjointEig SeluGrad Send SequenceAdd SequenceAddN SequenceAddOffset SequenceConcat SequenceCount
    SequenceIndex SequenceMask SequenceMax SequenceMin SequenceMul SequenceSlice SequenceSliceGrad
    SequenceSliceSetItem SequenceStack SequenceUnstack SequenceZerosLike SetData SetSize SetitemTensorIndexInfo
    Shape ShapeMulGrad SiLU SiLUGrad Sigmoid SigmoidCrossEntropyWithLogits SigmoidCrossEntropyWithLogitsGrad
    SigmoidGrad Sign SignalOp SignalWaitUntil SilentCheckV2 SilentCheckV3 Sin Sinc Sinh Size Slice SliceExt
    SliceExtView SliceGetItem SliceGrad SmoothL1Loss SmoothL1LossGrad SoftMarginLoss SoftMarginLossGrad SoftShrink
    SoftShrinkGrad Softmax SoftmaxBackward SoftmaxCrossEntropyWithLogits SoftmaxGrad Softplus SoftplusExt
    SoftplusGrad SoftplusGradExt Softsign SolveTriangular Sort SortExt SpaceToBatch SpaceToBatchND SpaceToDepth
    SparseAdd SparseAddGrad SparseAddmm SparseApplyAdadelta SparseApplyAdagrad SparseApplyAdagradDA
    SparseApplyAdagradV2 SparseApplyCenteredRMSProp SparseApplyFtrl SparseApplyFtrlV2 SparseApplyMomentum
    SparseApplyProximalAdagrad SparseApplyProximalGradientDescent SparseApplyRMSProp SparseConcat
    SparseCountSparseOutput SparseDenseCwiseAdd SparseDenseCwiseDiv SparseDenseCwiseMul SparseFillEmptyRows
    SparseFillEmptyRowsGrad SparseFlashAttention SparseFlashAttentionGrad SparseGatherV2 SparseMatrixAdd
    SparseMatrixMatMul SparseMatrixNNZ SparseMatrixOrderingAMD SparseMatrixSoftmax SparseMatrixSparseMatMul
    SparseMatrixTranspose SparseReorder SparseReshape SparseSegmentMean SparseSegmentMeanGrad
    SparseSegmentMeanWithNumSegments SparseSegmentSqrtN SparseSegmentSqrtNGrad SparseSegmentSqrtNWithNumSegments
    SparseSegmentSum SparseSegmentSumGrad SparseSegmentSumWithNumSegments SparseSlice SparseSliceGrad SparseSoftmax
    SparseSoftmaxCrossEntropyWithLogits SparseSoftmaxCrossEntropyWithLogitsV2 SparseSparseMaximum
    SparseSparseMinimum SparseSplit SparseTensorDenseAdd SparseTensorDenseMatmul SparseTensorToCSRSparseMatrix
    SparseToDense SparseToDenseV2 SpeedFusionAttention SpeedFusionAttentionGrad Split SplitTensor SplitTensorView
    SplitV SplitWithSize SplitWithSizeView Sqrt SqrtGrad Square SquareSumAll SquaredDifference Squeeze Sspaddmm
    Stack StackDestroy StackExt StackInit StackPop StackPush StandardLaplace StandardNormal Std StdMean
    StopGradient StridedSlice StridedSliceGrad StringLength StringToEnum Sub SubAndFilter SubExt SubScalar SumExt
    Svd Swiglu SwigluGrad SyncBatchNorm SyncBatchNormGrad TExt Take Tan Tanh TanhGrad TensorAdd TensorCopySlices
    TensorDump TensorScatterAdd TensorScatterDiv TensorScatterElements TensorScatterElementsExt TensorScatterMax
    TensorScatterMin TensorScatterMul TensorScatterSub TensorScatterUpdate TensorShape TensorSummary TensorToList
    TensorToScalar TensorToTuple ThorIm2Col Threshold ThresholdGrad Tile TileSize ToDevice ToDtype ToOther TopK
    TopKRouter TopPRouter TopTypeof TopkExt Trace TraceExt TraceGrad TraceV2 TraceV2Grad TransShape Transpose
    TransposeBatchMatmulTranspose TransposeExtView TransposeView TriangularSolve TridiagonalMatMul TridiagonalSolve
    Tril TrilExt TrilIndices TripletMarginLoss Triu TriuIndices Trunc TruncateDiv TruncateMod TruncatedNormal
    TupleToArray TupleToList TupleToTensor TypeAs Uniform UniformCandidateSampler UniformExt UniformInt UniformReal
    Unique Unique2 UniqueConsecutive UniqueDim UniqueGrad UniqueWithPad Unpack UnravelIndex UnsortedSegmentMax
    UnsortedSegmentMin UnsortedSegmentProd UnsortedSegmentSum Unsqueeze Unstack UnstackExtView UpdateCache
    UpdateState UpdateThorGradient UpdateToDevice UpdateToRemote UpperBound UpsampleBicubic2D UpsampleBicubic2DGrad
    UpsampleBilinear2D UpsampleBilinear2DGrad UpsampleLinear1D UpsampleLinear1DGrad UpsampleNearest1D
    UpsampleNearest1DGrad UpsampleNearest2D UpsampleNearest2DGrad UpsampleNearest3D UpsampleNearest3DGrad
    UpsampleTrilinear3D UpsampleTrilinear3DGrad Var VarMean Vdot View ViewAs ViewDtype WKV WKVGrad
    WeightQuantBatchMatmul WhileLoop WtsARQ XLogYScalarOther XLogYScalarSelf Xdivy Xlogy Zeros ZerosLike
    ZerosLikeExt Zeta _ActivationGrad _AllSwap _BinaryOp _BitwiseBinaryOp _Cholesky _CustomExt _DynamicLossScale
    _GetTensorSlice _HostAllGather _HostReduceScatter _LogicBinaryOp _MathBinaryOp _MicroStepAllGather
    _MiniStepAllGather _MirrorMicroStepOperator _MirrorMiniStepOperator _MirrorOperator _Pool _PoolGrad _Reduce
    _ScatterNdOp _ScatterOp _ScatterOpDynamic _TensorScatterOp _VirtualAccuGrad _VirtualAdd _VirtualAssignAdd
    _VirtualAssignKvCache _VirtualConverterBegin _VirtualConverterEnd _VirtualDataset _VirtualDiv _VirtualOutput
    _VirtualPipelineEnd bit_and bit_or bool_not identity list_equal list_greater_equal list_greater_than list_le
    list_lt make_range sequence_len shape_mul tuple_equal tuple_greater_equal tuple_greater_than tuple_le tuple_lt
""".split())


def _unsupported_primitive(public):
    name = public.rsplit(".", 1)[1]

    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, name)

    def __call__(self, *args, **kwargs):
        raise NotImplementedError(f"{public} is not supported by mindshim yet.")
    return type(name, (Primitive,), {"__init__": __init__, "__call__": __call__, "__module__": public.rsplit(".", 1)[0],
                                     "__doc__": f"MindSpore's ``{name}`` primitive (not supported by mindshim yet: "
                                                "calling it raises NotImplementedError)."})


def primitive_getattr(module):
    """A module ``__getattr__`` for ``module`` (a module of mindshim's): MindSpore's other primitives resolve to
    classes that raise when called, and are kept in the module; a package's submodules import on first use."""
    public = "mindspore" + module.__name__[len("mindshim"):]
    missing = module_getattr(module.__name__)

    def __getattr__(name):
        if name not in MINDSPORE_PRIMITIVES:
            if "__path__" in vars(module) and importlib.util.find_spec(f"{module.__name__}.{name}") is not None:
                return importlib.import_module(f"{module.__name__}.{name}")  # a submodule not imported yet
            return missing(name)
        cls = _unsupported_primitive(f"{public}.{name}")
        setattr(module, name, cls)
        return cls
    return __getattr__
