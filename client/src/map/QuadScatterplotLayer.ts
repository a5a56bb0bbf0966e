/**
 * deck.gl's ScatterplotLayer drawn without instancing: every point is a quad (four vertices, two
 * indexed triangles) in one plain draw call, as maplibre draws its circles. Same shaders, same
 * props, same picture, same picking. `data` must be an array.
 *
 * Why: the software WebGL renderer of machines without a GPU (SwiftShader: wall PCs, virtual
 * desktops, this project's CI) pays a fixed cost per *instance* of an instanced draw. With the
 * stock, instanced layer 34,700 points cost 1.4–2.5× a bare maplibre circle layer while panning;
 * the same points as plain quads cost 0.9–1.2× (BENCHMARKS.md, "Map client"). On a GPU both are
 * far below a frame. The price is memory: each point's attributes are stored four times (about
 * 0.3 KB a point with the indices; 10 MB at 34,700 points).
 */
import { type DefaultProps, type UpdateParameters } from '@deck.gl/core';
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import { Model } from '@luma.gl/engine';

const VERTICES_PER_POINT = 4;
/** The unit square's corners, as the shader's `positions` expects them. */
const CORNERS = [-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0];
/** Two triangles per quad. */
const QUAD_INDICES = [0, 1, 2, 2, 1, 3];

function cornersFor(points: number): Float32Array {
  const out = new Float32Array(points * CORNERS.length);
  for (let i = 0; i < points; i++) out.set(CORNERS, i * CORNERS.length);
  return out;
}

function indicesFor(points: number): Uint32Array {
  const out = new Uint32Array(points * QUAD_INDICES.length);
  for (let i = 0; i < points; i++)
    for (let k = 0; k < QUAD_INDICES.length; k++)
      out[i * QUAD_INDICES.length + k] = i * VERTICES_PER_POINT + QUAD_INDICES[k]!;
  return out;
}

function startIndicesFor(points: number): Uint32Array {
  const out = new Uint32Array(points + 1);
  for (let i = 0; i <= points; i++) out[i] = i * VERTICES_PER_POINT;
  return out;
}

export class QuadScatterplotLayer<D = unknown> extends ScatterplotLayer<D> {
  static override layerName = 'QuadScatterplotLayer';
  static override defaultProps = ScatterplotLayer.defaultProps as DefaultProps<ScatterplotLayerProps>;

  declare state: ScatterplotLayer<D>['state'] & {
    points: number;
    startIndices: Uint32Array;
    corners: Float32Array;
    indices: Uint32Array;
  };

  override getShaders() {
    const shaders = super.getShaders();
    // Picking by the point's index carried per vertex, not by gl_InstanceID.
    return { ...shaders, defines: { ...shaders.defines, USE_ROW_INDEXES: true } };
  }

  override initializeState() {
    this.setState(QuadScatterplotLayer.geometryFor(0));
    const positions64 = this.use64bitPositions();
    // Per point, repeated over its four vertices (deck.gl fills accessor attributes per start index).
    this.getAttributeManager()!.add({
      indices: {
        size: 1,
        isIndexed: true,
        noAlloc: true,
        update: (attribute) => {
          attribute.value = this.state.indices;
        },
      },
      positions: {
        size: 3,
        noAlloc: true,
        update: (attribute) => {
          attribute.value = this.state.corners;
        },
      },
      instancePositions: { size: 3, type: 'float64', fp64: positions64, accessor: 'getPosition' },
      instanceRadius: { size: 1, accessor: 'getRadius', defaultValue: 1 },
      instanceFillColors: {
        size: this.props.colorFormat.length,
        type: 'unorm8',
        accessor: 'getFillColor',
        defaultValue: [0, 0, 0, 255],
      },
      instanceLineColors: {
        size: this.props.colorFormat.length,
        type: 'unorm8',
        accessor: 'getLineColor',
        defaultValue: [0, 0, 0, 255],
      },
      instanceLineWidths: { size: 1, accessor: 'getLineWidth', defaultValue: 1 },
      instancePixelOffset: { size: 2, accessor: 'getPixelOffset' },
      rowIndexes: { size: 1, accessor: (_: unknown, { index }: { index: number }) => index },
    });
  }

  override updateState(params: UpdateParameters<this>) {
    if (params.changeFlags.dataChanged) {
      const points = Array.isArray(params.props.data) ? params.props.data.length : 0;
      // A new week of the same compounds (replay) keeps the geometry: only the colours change.
      if (points !== this.state.points) this.setState(QuadScatterplotLayer.geometryFor(points));
    }
    super.updateState(params);
  }

  private static geometryFor(points: number) {
    return { points, startIndices: startIndicesFor(points), corners: cornersFor(points), indices: indicesFor(points) };
  }

  override getNumInstances(): number {
    return this.state.points * VERTICES_PER_POINT;
  }

  override getStartIndices(): Uint32Array {
    return this.state.startIndices;
  }

  override draw(options: Parameters<ScatterplotLayer<D>['draw']>[0]) {
    this.state.model?.setVertexCount(this.state.points * QUAD_INDICES.length);
    super.draw(options);
  }

  protected override _getModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
      topology: 'triangle-list',
      vertexCount: this.state.points * QUAD_INDICES.length,
      isInstanced: false,
      isIndexed: true,
    });
  }
}
