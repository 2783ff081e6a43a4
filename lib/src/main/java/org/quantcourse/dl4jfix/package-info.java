/**
 * Workarounds for bugs of DL4J / ND4J 1.0.0-M2.1, kept apart so that they can be deleted when DL4J is upgraded.
 * They are switched on in one place, the class initializer of {@link org.quantcourse.dl4jfix.Dl4jFixes}, which
 * every library class that builds, parses or restores a network goes through. This package depends on DL4J only.
 *
 * <table>
 * <caption>The workarounds</caption>
 * <tr><th>Upstream bug (M2.1)</th><th>Workaround</th><th>Tested by</th><th>Delete when</th></tr>
 * <tr><td>oneDNN layer helpers are never used: {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 *     {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()} by reflection, but ND4J moved it to
 *     {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment.isUseONEDNN()}; and helpers are off unless
 *     the system property {@value org.quantcourse.dl4jfix.OneDnn#HELPERS_DISABLE_PROPERTY} is {@code false}.</td>
 *     <td>{@code org.nd4j.nativeblas.Nd4jCpu} (it must keep that package: DL4J looks it up by name) and
 *     {@link org.quantcourse.dl4jfix.OneDnn}</td>
 *     <td>{@code OneDnnTest}: the article's CNN gets oneDNN helpers on convolutions and pooling, the shim reports
 *     what the real environment says, outputs and gradients match the stock path</td>
 *     <td>DL4J finds its helpers with neither class on the classpath ({@code OneDnnTest} then still passes with
 *     {@code Nd4jCpu} deleted)</td></tr>
 * <tr><td>Wrong weight and bias gradients for NHWC convolutions with the oneDNN helper: {@code ConvolutionLayer}
 *     hands the helper a permuted, non-contiguous output-gradient view that the native pass reads as
 *     contiguous.</td>
 *     <td>{@link org.quantcourse.dl4jfix.ChannelsLastConvolution} installs
 *     {@code ChannelsLastConvHelper}, which runs the backward pass channels-first</td>
 *     <td>{@code OneDnnTest.channelsLastLayersGetTheFixedHelperBecauseTheStockOneGetsGradientsWrong} (it fails,
 *     saying the fix may be dropped, once DL4J's own helper is right)</td>
 *     <td>that test reports DL4J's helper correct</td></tr>
 * <tr><td>Slow back-propagation of activations of NHWC layers (element-wise derivative on strided views).</td>
 *     <td>{@link org.quantcourse.dl4jfix.ChannelsLastReLU}</td>
 *     <td>{@code OneDnnTest.outputsAndGradientsMatchTheStockPath}; speed in {@code bench/TrainingSpeed}</td>
 *     <td>the benchmark shows stock {@code ReLU} as fast</td></tr>
 * <tr><td>Channels-last networks need NCHW input and the article's channel-first flattening (DL4J's
 *     {@code CnnToFeedForwardPreProcessor} flattens NHWC maps in NHWC order).</td>
 *     <td>{@link org.quantcourse.dl4jfix.ChannelsLastInput}, {@link org.quantcourse.dl4jfix.ChannelsFirstFlatten}</td>
 *     <td>{@code OneDnnTest}, {@code NetworkSummaryTest.stockAndOneDnnLayoutsHaveTheSameSummary}</td>
 *     <td>the convolutions no longer need channels-last to be fast</td></tr>
 * </table>
 *
 * <p>Models saved before these classes moved here name them {@code org.quantcourse.train.*} in their JSON;
 * {@code LegacyClassNames} maps those names (tested by {@code Dl4jFixesTest} on a model saved by version 0.1).
 */
package org.quantcourse.dl4jfix;
